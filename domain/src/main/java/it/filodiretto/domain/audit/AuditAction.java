package it.filodiretto.domain.audit;

/**
 * The closed vocabulary of audited actions. Documented in docs/audit.md; a new capability adds its
 * actions here (never renames one: stored events keep the old name).
 */
public enum AuditAction {
    // staff and authentication
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    STAFF_CREATED,
    STAFF_UPDATED,
    STAFF_ROLES_CHANGED,
    STAFF_DISABLED,
    STAFF_ENABLED,
    STAFF_PASSWORD_RESET,
    // the audit trail itself
    AUDIT_VERIFIED,
    AUDIT_EXPORTED,
    AUDIT_CHECKPOINT_EXPORTED,
    // subscriptions and consent
    SUBSCRIPTION_REQUESTED,
    SUBSCRIPTION_DECLINED,
    UNSUBSCRIPTION_REQUESTED,
    CONSENT_GRANTED,
    CONSENT_WITHDRAWN,
    CONSENT_RENEWED,
    TOPICS_CHANGED,
    NEIGHBOURHOODS_CHANGED,
    MARKETING_PREFERENCE_CHANGED,
    CONSENT_RECEIPT_EXPORTED,
    DATA_EXPORTED,
    DATA_ERASED,
    SUBJECT_REQUEST_RECEIVED,
    SUBJECT_REQUEST_COMPLETED,
    SUBJECT_REQUEST_REJECTED,
    RETENTION_APPLIED,
    PRIVACY_NOTICE_PUBLISHED,
    // WhatsApp
    TEMPLATE_DECLARED,
    WHATSAPP_TEST_SENT,
    // system
    SYSTEM_BOOTSTRAPPED,
    SYSTEM_SELF_TEST
}
