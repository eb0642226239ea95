-- Templates with a media header (image or document) and/or a URL button (link with an optional {{1}} suffix);
-- campaigns carry the media link and the link parameter.
ALTER TABLE message_template ADD COLUMN header_format VARCHAR(16) DEFAULT 'TEXT' NOT NULL;
ALTER TABLE message_template ADD COLUMN url_button_text VARCHAR(25);
ALTER TABLE message_template ADD COLUMN url_button_url VARCHAR(2000);
ALTER TABLE campaign ADD COLUMN header_media VARCHAR(2000);
ALTER TABLE campaign ADD COLUMN link_parameter VARCHAR(2000);
