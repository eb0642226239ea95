-- PostgreSQL only: consent records are append-only like the audit trail.
CREATE FUNCTION consent_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent_record is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_record_no_update
    BEFORE UPDATE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION consent_record_append_only();
