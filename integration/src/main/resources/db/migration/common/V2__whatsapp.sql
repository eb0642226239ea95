-- WhatsApp: raw signed webhooks, inbound messages and delivery statuses (recorded once), templates,
-- and the sandbox gateway's store of the messages it "delivered".

CREATE SEQUENCE webhook_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_event (
    id           BIGINT NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    body         TEXT   NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_webhook_event PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_event_received ON webhook_event (received_at);

CREATE SEQUENCE inbound_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE inbound_message (
    id          BIGINT       NOT NULL,
    message_id  VARCHAR(200) NOT NULL,
    wa_id       VARCHAR(64),
    user_id     VARCHAR(200),
    type        VARCHAR(32)  NOT NULL,
    text        VARCHAR(4096),
    reply_id    VARCHAR(256),
    sent_at     TIMESTAMP WITH TIME ZONE,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbound_message PRIMARY KEY (id),
    CONSTRAINT uq_inbound_message_id UNIQUE (message_id)
);
CREATE INDEX ix_inbound_message_wa ON inbound_message (wa_id);
CREATE INDEX ix_inbound_message_received ON inbound_message (received_at);

CREATE SEQUENCE message_status_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE message_status (
    id          BIGINT       NOT NULL,
    wamid       VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE,
    error_code  INTEGER,
    error_title VARCHAR(500),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_message_status PRIMARY KEY (id),
    CONSTRAINT uq_message_status UNIQUE (wamid, status)
);

CREATE SEQUENCE message_template_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE message_template (
    id            BIGINT        NOT NULL,
    name          VARCHAR(512)  NOT NULL,
    language      VARCHAR(16)   NOT NULL,
    category      VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    header_text   VARCHAR(60),
    body_text     VARCHAR(1024) NOT NULL,
    footer_text   VARCHAR(60),
    quick_replies VARCHAR(200),
    source        VARCHAR(16)   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_message_template PRIMARY KEY (id),
    CONSTRAINT uq_message_template UNIQUE (name, language)
);

-- Sandbox only (empty in production): what the simulated WhatsApp "delivered", and what simulated citizens wrote.
CREATE TABLE sandbox_message (
    wamid         VARCHAR(200)  NOT NULL,
    direction     VARCHAR(3)    NOT NULL,
    phone         VARCHAR(32)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    template_name VARCHAR(512),
    parameters    VARCHAR(4000),
    header        VARCHAR(200),
    text          VARCHAR(4096),
    footer        VARCHAR(200),
    buttons       VARCHAR(2000),
    list_menu     VARCHAR(8000),
    status        VARCHAR(16),
    marketing     BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sandbox_message PRIMARY KEY (wamid)
);
CREATE INDEX ix_sandbox_message_phone ON sandbox_message (phone, created_at);
