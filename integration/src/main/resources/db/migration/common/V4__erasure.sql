-- Erasure: numbers of erased subscribers survive only as salted hashes (suppression list); the salt is
-- generated once per installation.

CREATE TABLE suppression (
    hash       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_suppression PRIMARY KEY (hash)
);

CREATE TABLE installation_setting (
    name  VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(500) NOT NULL,
    CONSTRAINT pk_installation_setting PRIMARY KEY (name)
);
