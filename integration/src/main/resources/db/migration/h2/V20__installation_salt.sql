-- The installation's secret salt for the salted hashes (suppression list, web evidence, message references),
-- created once here, under Flyway's lock, so that concurrent first uses (several servers, several consumers)
-- never race to create it. An installation that already has one keeps it.
INSERT INTO installation_setting (name, setting_value)
SELECT 'suppression-salt', LOWER(RAWTOHEX(SECURE_RAND(32)))
WHERE NOT EXISTS (SELECT 1 FROM installation_setting WHERE name = 'suppression-salt');
