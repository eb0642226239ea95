-- A new privacy notice that changes purposes asks active subscribers to re-confirm by a deadline.
ALTER TABLE subscriber ADD COLUMN reconsent_due_by TIMESTAMP WITH TIME ZONE;
