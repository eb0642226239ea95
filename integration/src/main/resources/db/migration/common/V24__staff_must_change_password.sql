-- A password the application generated (the first administrator's, when none was configured) must be changed
-- at the first login. (Version 23.16.3: issue #16, item 3; leaves whole numbers to parallel work.)
ALTER TABLE staff_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
