-- Neighbourhoods chosen on the public subscription page travel with the web request until it is confirmed.
ALTER TABLE web_request ADD COLUMN neighbourhoods VARCHAR(1000) DEFAULT '' NOT NULL;
