-- Web double opt-in: a request from the public page waits for the confirmation from that phone.
CREATE SEQUENCE web_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE web_request (
    id             BIGINT        NOT NULL,
    token          VARCHAR(64)   NOT NULL,
    phone          VARCHAR(20),
    phone_hash     VARCHAR(64)   NOT NULL,
    ip_hash        VARCHAR(64)   NOT NULL,
    user_agent     VARCHAR(300),
    topics         VARCHAR(500)  NOT NULL,
    language       VARCHAR(5)    NOT NULL,
    notice_version INTEGER       NOT NULL,
    foreign_number BOOLEAN       NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_web_request PRIMARY KEY (id),
    CONSTRAINT uq_web_request_token UNIQUE (token)
);
CREATE INDEX ix_web_request_phone_hash ON web_request (phone_hash, created_at);
CREATE INDEX ix_web_request_ip_hash ON web_request (ip_hash, created_at);
