-- Campaigns (editorial workflow), their history, and one delivery per recipient.
CREATE SEQUENCE campaign_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE campaign (
    id                   BIGINT        NOT NULL,
    version              BIGINT        NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    topics               VARCHAR(500)  NOT NULL,
    neighbourhoods       VARCHAR(1000) NOT NULL,
    template_name        VARCHAR(512)  NOT NULL,
    template_language    VARCHAR(16)   NOT NULL,
    header_parameters    VARCHAR(2000) NOT NULL,
    body_parameters      VARCHAR(8000) NOT NULL,
    priority             VARCHAR(16)   NOT NULL,
    scheduled_at         TIMESTAMP WITH TIME ZONE,
    expires_at           TIMESTAMP WITH TIME ZONE,
    state                VARCHAR(24)   NOT NULL,
    author               VARCHAR(100)  NOT NULL,
    last_editor          VARCHAR(100)  NOT NULL,
    content_hash         VARCHAR(64),
    approved_by          VARCHAR(100),
    emergency_reason     VARCHAR(1000),
    post_hoc_reviewed_by VARCHAR(100),
    post_hoc_reviewed_at TIMESTAMP WITH TIME ZONE,
    audience_size        INTEGER,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    requeue_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_campaign PRIMARY KEY (id)
);
CREATE INDEX ix_campaign_state ON campaign (state, scheduled_at);

CREATE SEQUENCE campaign_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE campaign_event (
    id           BIGINT        NOT NULL,
    campaign_id  BIGINT        NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    from_state   VARCHAR(24),
    to_state     VARCHAR(24),
    comment      VARCHAR(2000),
    snapshot     VARCHAR(16000),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_campaign_event PRIMARY KEY (id),
    CONSTRAINT fk_campaign_event_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);
CREATE INDEX ix_campaign_event_campaign ON campaign_event (campaign_id, id);

-- Identifiers are taken one by one by the fan-out's INSERT ... SELECT (nextval per row).
CREATE SEQUENCE delivery_seq START WITH 1 INCREMENT BY 1 CACHE 1000;
CREATE TABLE delivery (
    id                  BIGINT       NOT NULL,
    campaign_id         BIGINT       NOT NULL,
    subscriber_id       BIGINT       NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    wamid               VARCHAR(200),
    error_code          INTEGER,
    error_title         VARCHAR(500),
    transient_failure   BOOLEAN      DEFAULT FALSE NOT NULL,
    attempts            INTEGER      DEFAULT 0 NOT NULL,
    possible_duplicate  BOOLEAN      DEFAULT FALSE NOT NULL,
    queued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    delivered_at        TIMESTAMP WITH TIME ZONE,
    read_at             TIMESTAMP WITH TIME ZONE,
    failed_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_delivery PRIMARY KEY (id),
    CONSTRAINT uq_delivery_recipient UNIQUE (campaign_id, subscriber_id),
    CONSTRAINT fk_delivery_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);
CREATE INDEX ix_delivery_campaign_state ON delivery (campaign_id, state);
CREATE INDEX ix_delivery_wamid ON delivery (wamid);
