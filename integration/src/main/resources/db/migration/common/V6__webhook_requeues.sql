-- How many times the recovery job queued a stored webhook again (it gives up after a few: a poison event
-- stays unprocessed, visible in the readiness data, for someone to look at).
ALTER TABLE webhook_event ADD COLUMN requeues INTEGER DEFAULT 0 NOT NULL;
