-- Whether the next re-queue of a sending campaign covers every queued delivery (sending stopped early:
-- emergency, circuit open, halt) or only those refused for now (attempts > 0).
ALTER TABLE campaign ADD COLUMN requeue_all BOOLEAN DEFAULT FALSE NOT NULL;
