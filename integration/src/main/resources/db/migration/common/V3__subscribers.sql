-- Citizens' subscriptions and the append-only proof of their consent (GDPR art. 7(1)).

CREATE TABLE privacy_notice (
    version      INTEGER      NOT NULL,
    text         TEXT         NOT NULL,
    text_hash    VARCHAR(64)  NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    url          VARCHAR(500) NOT NULL,
    purposes     VARCHAR(500) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_privacy_notice PRIMARY KEY (version)
);

CREATE SEQUENCE subscriber_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE subscriber (
    id                 BIGINT       NOT NULL,
    phone              VARCHAR(20),
    wa_id              VARCHAR(32),
    user_id            VARCHAR(200),
    state              VARCHAR(16)  NOT NULL,
    language           VARCHAR(5)   NOT NULL,
    topics             VARCHAR(500) NOT NULL,
    marketing_opt_out  BOOLEAN      NOT NULL,
    last_inbound_at    TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT pk_subscriber PRIMARY KEY (id),
    CONSTRAINT uq_subscriber_phone UNIQUE (phone),
    CONSTRAINT uq_subscriber_wa_id UNIQUE (wa_id),
    CONSTRAINT uq_subscriber_user_id UNIQUE (user_id)
);
CREATE INDEX ix_subscriber_state ON subscriber (state);

CREATE SEQUENCE consent_record_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consent_record (
    id             BIGINT       NOT NULL,
    subscriber_id  BIGINT       NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_version INTEGER      NOT NULL,
    notice_hash    VARCHAR(64)  NOT NULL,
    topics         VARCHAR(500) NOT NULL,
    channel        VARCHAR(24)  NOT NULL,
    evidence       VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_consent_record PRIMARY KEY (id),
    CONSTRAINT fk_consent_record_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id)
);
CREATE INDEX ix_consent_record_subscriber ON consent_record (subscriber_id, occurred_at);
