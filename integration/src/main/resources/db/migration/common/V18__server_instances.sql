-- The servers running the application against this database, with a heartbeat: the send-rate ceiling is
-- shared between the live ones (docs/deploy-payara-server.md, "Several instances").
CREATE TABLE server_instance (
    id            VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_server_instance PRIMARY KEY (id)
);
