-- What Meta reports about a message it could not pass on whole (messages[].errors[], e.g. 131051 unsupported type).
ALTER TABLE inbound_message ADD COLUMN error_code INTEGER;
ALTER TABLE inbound_message ADD COLUMN error_title VARCHAR(500);
