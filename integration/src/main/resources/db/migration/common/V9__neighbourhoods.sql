-- Optional neighbourhoods (quartieri) a subscriber follows, for targeted notices such as roadworks.
ALTER TABLE subscriber ADD COLUMN neighbourhoods VARCHAR(1000) DEFAULT '' NOT NULL;
