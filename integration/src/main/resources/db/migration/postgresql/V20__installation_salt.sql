-- The installation's secret salt for the salted hashes (suppression list, web evidence, message references),
-- created once here, under Flyway's lock, so that concurrent first uses (several servers, several consumers)
-- never race to create it. An installation that already has one keeps it. gen_random_uuid(): PostgreSQL 13+,
-- cryptographically random (two of them: 244 random bits).
INSERT INTO installation_setting (name, setting_value)
SELECT 'suppression-salt', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
WHERE NOT EXISTS (SELECT 1 FROM installation_setting WHERE name = 'suppression-salt');
