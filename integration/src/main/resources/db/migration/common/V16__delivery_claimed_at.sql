-- When a sender claimed the delivery: recovery after a restart resets only claims older than the start, and
-- a claim left without an outcome for minutes is recovered like after a crash.
ALTER TABLE delivery ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
