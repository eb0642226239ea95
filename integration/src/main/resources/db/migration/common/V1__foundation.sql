-- Foundation: staff accounts, the audit chain, connectivity pings.
-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL). Times are TIMESTAMP WITH TIME ZONE in UTC.

-- EclipseLink reads a sequence value as the end of a block of allocationSize ids: START WITH = INCREMENT BY.
CREATE SEQUENCE staff_account_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE staff_account (
    id            BIGINT       NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(500) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    failed_logins INTEGER      NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_staff_account PRIMARY KEY (id),
    CONSTRAINT uq_staff_account_username UNIQUE (username)
);

CREATE TABLE staff_account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(32) NOT NULL,
    CONSTRAINT pk_staff_account_role PRIMARY KEY (account_id, role),
    CONSTRAINT fk_staff_account_role_account FOREIGN KEY (account_id) REFERENCES staff_account (id)
);

-- Append-only, hash-chained audit trail (docs/audit.md). seq is gap-free: assigned under a lock on audit_head.
CREATE TABLE audit_event (
    seq         BIGINT        NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(64),
    target_id   VARCHAR(200),
    details     VARCHAR(8000) NOT NULL,
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor);
CREATE INDEX ix_audit_event_action ON audit_event (action);
CREATE INDEX ix_audit_event_target ON audit_event (target_type, target_id);

CREATE TABLE audit_head (
    id        INTEGER     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE system_ping (
    token       VARCHAR(64) NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE,
    deliveries  INTEGER     NOT NULL,
    CONSTRAINT pk_system_ping PRIMARY KEY (token)
);
