-- Data-subject requests (access, erasure) with the one-month deadline of GDPR art. 12(3).
CREATE SEQUENCE subject_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE subject_request (
    id             BIGINT        NOT NULL,
    subscriber_id  BIGINT        NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    received_on    DATE          NOT NULL,
    due_on         DATE          NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    evidence       VARCHAR(200),
    note           VARCHAR(1000),
    registered_by  VARCHAR(100)  NOT NULL,
    handled_by     VARCHAR(100),
    handled_at     TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_subject_request PRIMARY KEY (id),
    CONSTRAINT fk_subject_request_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id)
);
CREATE INDEX ix_subject_request_state ON subject_request (state, due_on);
CREATE INDEX ix_subject_request_subscriber ON subject_request (subscriber_id);
