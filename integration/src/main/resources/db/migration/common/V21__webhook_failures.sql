-- A stored webhook whose processing failed is retried with a growing delay, then parked as dead (dead_at) for a
-- person to retry from the WhatsApp console; it never blocks fresh traffic. An item of a webhook that could not be
-- used (an over-long or missing value, or a failure of its own) is recorded as rejected with its reason, and the
-- other items of the same webhook are processed. Reasons never hold the item's values (they may be numbers).
ALTER TABLE webhook_event ADD COLUMN failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhook_event ADD COLUMN last_error VARCHAR(500);
ALTER TABLE webhook_event ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_event ADD COLUMN dead_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_webhook_event_unprocessed ON webhook_event (processed_at, dead_at);

CREATE SEQUENCE webhook_rejection_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_rejection (
    id               BIGINT       NOT NULL,
    webhook_event_id BIGINT       NOT NULL,
    item             VARCHAR(16)  NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    rejected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_rejection PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_rejection_at ON webhook_rejection (rejected_at);
