-- Payloads of a template's quick-reply buttons (system broadcasts such as the consent re-confirmation).
ALTER TABLE campaign ADD COLUMN button_payloads VARCHAR(1000) DEFAULT '[]' NOT NULL;
