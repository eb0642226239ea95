-- The virtual assistant: knowledge base articles, the staff's synonyms, the handoffs to human operators
-- and the record of every exchange (question, retrieved articles, answer, mode), kept for the retention period.
CREATE SEQUENCE article_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE article (
    id            BIGINT         NOT NULL,
    version       BIGINT         NOT NULL,
    slug          VARCHAR(120)   NOT NULL,
    title         VARCHAR(300)   NOT NULL,
    body          TEXT           NOT NULL,
    link          VARCHAR(1000),
    office        VARCHAR(500),
    tags          VARCHAR(1000)  NOT NULL,
    language      VARCHAR(8)     NOT NULL,
    valid_from    DATE,
    valid_until   DATE,
    state         VARCHAR(16)    NOT NULL,
    source        VARCHAR(16)    NOT NULL,
    campaign_id   BIGINT,
    created_by    VARCHAR(100)   NOT NULL,
    updated_by    VARCHAR(100)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_article PRIMARY KEY (id),
    CONSTRAINT uq_article_slug UNIQUE (slug)
);
CREATE INDEX ix_article_updated ON article (updated_at);
CREATE INDEX ix_article_campaign ON article (campaign_id);

-- One row: the synonym groups in Solr format, one group per line.
CREATE TABLE assistant_synonyms (
    id          INTEGER       NOT NULL,
    lines       TEXT          NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_assistant_synonyms PRIMARY KEY (id)
);

CREATE SEQUENCE handoff_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE handoff (
    id                  BIGINT        NOT NULL,
    version             BIGINT        NOT NULL,
    address             VARCHAR(200)  NOT NULL,
    wa_id               VARCHAR(64),
    user_id             VARCHAR(200),
    subscriber_id       BIGINT,
    reason              VARCHAR(16)   NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    operator            VARCHAR(100),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_citizen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    first_reply_at      TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    closed_by           VARCHAR(100),
    CONSTRAINT pk_handoff PRIMARY KEY (id)
);
CREATE INDEX ix_handoff_state ON handoff (state, opened_at);
CREATE INDEX ix_handoff_address ON handoff (address, state);

CREATE SEQUENCE assistant_exchange_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE assistant_exchange (
    id            BIGINT         NOT NULL,
    address       VARCHAR(200)   NOT NULL,
    wa_id         VARCHAR(64),
    user_id       VARCHAR(200),
    handoff_id    BIGINT,
    kind          VARCHAR(16)    NOT NULL,
    mode          VARCHAR(16),
    question      VARCHAR(4096),
    answer        VARCHAR(4096),
    articles      VARCHAR(2000),
    confidence    DOUBLE PRECISION,
    took_ms       INTEGER,
    operator      VARCHAR(100),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_assistant_exchange PRIMARY KEY (id)
);
CREATE INDEX ix_assistant_exchange_address ON assistant_exchange (address, occurred_at);
CREATE INDEX ix_assistant_exchange_time ON assistant_exchange (occurred_at);
CREATE INDEX ix_assistant_exchange_handoff ON assistant_exchange (handoff_id);

-- The days whose usage counts were written to the audit trail (one instance writes each day).
CREATE TABLE assistant_usage_day (
    usage_day   DATE   NOT NULL,
    CONSTRAINT pk_assistant_usage_day PRIMARY KEY (usage_day)
);
