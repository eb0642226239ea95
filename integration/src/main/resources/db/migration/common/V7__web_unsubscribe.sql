-- Web requests are subscriptions or unsubscriptions (both confirmed on WhatsApp).
ALTER TABLE web_request ADD COLUMN kind VARCHAR(16) DEFAULT 'SUBSCRIBE' NOT NULL;
