package it.filodiretto.domain.common;

import it.filodiretto.domain.common.DomainException.Kind;

/**
 * Every refusal the domain can give: its kind (the web layer maps it to an HTTP status or a faces message), its
 * stable machine code (APIs answer it as {@code "error"}) and its message key (resolved in the user's language from
 * the web module's {@code messages*.properties}; a unit test there checks that every key exists in every language).
 * Several refusals may share a code when an API client needs no finer distinction; each has its own message.
 */
public enum DomainError {

    API_INVALID_DATE(Kind.INVALID, "invalid_date", "error.api.invalidDate"),
    API_INVALID_FIELD(Kind.INVALID, "invalid_field", "error.api.invalidField"),
    API_INVALID_TIME(Kind.INVALID, "invalid_time", "error.api.invalidTime"),
    API_MISSING_BODY(Kind.INVALID, "missing_body", "error.api.missingBody"),
    ARTICLE_LANGUAGE(Kind.INVALID, "invalid_language", "error.article.language"),
    ARTICLE_LINK(Kind.INVALID, "invalid_link", "error.article.link"),
    ARTICLE_NOT_FOUND(Kind.NOT_FOUND, "article_not_found", "error.article.notFound"),
    ARTICLE_OFFICE_TOO_LONG(Kind.INVALID, "office_too_long", "error.article.officeTooLong"),
    ARTICLE_SLUG(Kind.INVALID, "invalid_slug", "error.article.slug"),
    ARTICLE_SLUG_FIXED(Kind.INVALID, "slug_fixed", "error.article.slugFixed"),
    ARTICLE_SLUG_TAKEN(Kind.CONFLICT, "slug_taken", "error.article.slugTaken"),
    ARTICLE_STALE(Kind.CONFLICT, "stale_article", "error.article.stale"),
    ARTICLE_STATE(Kind.INVALID, "invalid_state", "error.article.state"),
    ARTICLE_TAGS_TOO_LONG(Kind.INVALID, "tags_too_long", "error.article.tagsTooLong"),
    ARTICLE_TEXT_REQUIRED(Kind.INVALID, "text_required", "error.article.textRequired"),
    ARTICLE_TEXT_TOO_LONG(Kind.INVALID, "text_too_long", "error.article.textTooLong"),
    ARTICLE_TITLE_REQUIRED(Kind.INVALID, "title_required", "error.article.titleRequired"),
    ARTICLE_TITLE_TOO_LONG(Kind.INVALID, "title_too_long", "error.article.titleTooLong"),
    ARTICLE_VALIDITY(Kind.INVALID, "invalid_validity", "error.article.validity"),
    ARTICLE_VERSION_REQUIRED(Kind.INVALID, "version_required", "error.article.versionRequired"),
    ASSISTANT_QUESTION_REQUIRED(Kind.INVALID, "question_required", "error.assistant.questionRequired"),
    AUDIT_INVALID_CHECKPOINT(Kind.INVALID, "invalid_checkpoint", "error.audit.invalidCheckpoint"),
    CAMPAIGN_ALREADY_REVIEWED(Kind.CONFLICT, "already_reviewed", "error.campaign.alreadyReviewed"),
    CAMPAIGN_COMMENT_REQUIRED(Kind.INVALID, "comment_required", "error.campaign.commentRequired"),
    CAMPAIGN_COMMENT_TOO_LONG(Kind.INVALID, "comment_too_long", "error.campaign.commentTooLong"),
    CAMPAIGN_CONTENT_CHANGED(Kind.CONFLICT, "content_changed", "error.campaign.contentChanged"),
    CAMPAIGN_EMPTY_AUDIENCE(Kind.INVALID, "empty_audience", "error.campaign.emptyAudience"),
    CAMPAIGN_EXPIRY_BEFORE_START(Kind.INVALID, "expiry_before_start", "error.campaign.expiryBeforeStart"),
    CAMPAIGN_FOUR_EYES(Kind.FORBIDDEN, "four_eyes", "error.campaign.fourEyes"),
    CAMPAIGN_INVALID_LINK(Kind.INVALID, "invalid_link", "error.campaign.invalidLink"),
    CAMPAIGN_INVALID_STATE(Kind.INVALID, "invalid_state", "error.campaign.invalidState"),
    CAMPAIGN_NOT_ALLOWED(Kind.FORBIDDEN, "not_allowed", "error.campaign.notAllowed"),
    CAMPAIGN_NOT_EDITABLE(Kind.CONFLICT, "not_editable", "error.campaign.notEditable"),
    CAMPAIGN_NOT_EMERGENCY(Kind.CONFLICT, "not_emergency", "error.campaign.notEmergency"),
    CAMPAIGN_PARAMETER_TOO_LONG(Kind.INVALID, "parameter_too_long", "error.campaign.parameterTooLong"),
    CAMPAIGN_QUIET_HOURS(Kind.INVALID, "quiet_hours", "error.campaign.quietHours"),
    CAMPAIGN_SCHEDULE_IN_PAST(Kind.INVALID, "schedule_in_past", "error.campaign.scheduleInPast"),
    CAMPAIGN_STALE_VERSION(Kind.CONFLICT, "stale_version", "error.campaign.staleVersion"),
    CAMPAIGN_TEMPLATE_REQUIRED(Kind.INVALID, "template_required", "error.campaign.templateRequired"),
    CAMPAIGN_TITLE_REQUIRED(Kind.INVALID, "title_required", "error.campaign.titleRequired"),
    CAMPAIGN_TITLE_TOO_LONG(Kind.INVALID, "title_too_long", "error.campaign.titleTooLong"),
    CAMPAIGN_TRANSITION(Kind.CONFLICT, "transition_not_allowed", "error.campaign.transition"),
    CAMPAIGN_UNKNOWN(Kind.NOT_FOUND, "unknown_campaign", "error.campaign.unknown"),
    CAMPAIGN_UNKNOWN_TOPIC(Kind.INVALID, "unknown_topic", "error.campaign.unknownTopic"),
    CAMPAIGN_VERSION_REQUIRED(Kind.INVALID, "version_required", "error.campaign.versionRequired"),
    CONSENT_UNKNOWN_RECORD(Kind.NOT_FOUND, "unknown_consent_record", "error.consent.unknownRecord"),
    DISPATCH_TIER(Kind.INVALID, "invalid_tier", "error.dispatch.tier"),
    EMERGENCY_REASON_REQUIRED(Kind.INVALID, "reason_required", "error.emergency.reasonRequired"),
    EMERGENCY_REASON_TOO_LONG(Kind.INVALID, "reason_too_long", "error.emergency.reasonTooLong"),
    EMERGENCY_TEMPLATE(Kind.INVALID, "not_an_alert_template", "error.emergency.template"),
    HANDOFF_CLOSED(Kind.CONFLICT, "handoff_closed", "error.handoff.closed"),
    HANDOFF_NOT_FOUND(Kind.NOT_FOUND, "handoff_not_found", "error.handoff.notFound"),
    HANDOFF_REPLY_REFUSED(Kind.CONFLICT, "reply_refused", "error.handoff.replyRefused"),
    HANDOFF_REPLY_REQUIRED(Kind.INVALID, "reply_required", "error.handoff.replyRequired"),
    HANDOFF_REPLY_TOO_LONG(Kind.INVALID, "reply_too_long", "error.handoff.replyTooLong"),
    HANDOFF_TAKEN(Kind.CONFLICT, "handoff_taken", "error.handoff.taken"),
    HANDOFF_WINDOW_CLOSED(Kind.CONFLICT, "window_closed", "error.handoff.windowClosed"),
    IMPORT_BAD_DATE(Kind.INVALID, "invalid_date", "error.import.badDate"),
    IMPORT_EMPTY(Kind.INVALID, "empty_import", "error.import.empty"),
    NOTICE_PURPOSES(Kind.INVALID, "invalid_notice", "error.notice.purposes"),
    NOTICE_SUMMARY(Kind.INVALID, "invalid_notice", "error.notice.summary"),
    NOTICE_TEXT(Kind.INVALID, "invalid_notice", "error.notice.text"),
    NOTICE_URL(Kind.INVALID, "invalid_notice", "error.notice.url"),
    PHONE_INVALID(Kind.INVALID, "invalid_phone", "error.phone.invalid"),
    RECORDS_RANGE(Kind.INVALID, "invalid_range", "error.records.range"),
    REQUEST_ALREADY_OPEN(Kind.CONFLICT, "request_open", "error.request.alreadyOpen"),
    REQUEST_CLOSED(Kind.CONFLICT, "request_closed", "error.request.closed"),
    REQUEST_KIND(Kind.INVALID, "invalid_kind", "error.request.kind"),
    REQUEST_NOTE_TOO_LONG(Kind.INVALID, "note_too_long", "error.request.noteTooLong"),
    REQUEST_REASON_REQUIRED(Kind.INVALID, "reason_required", "error.request.reasonRequired"),
    REQUEST_UNKNOWN(Kind.NOT_FOUND, "unknown_request", "error.request.unknown"),
    REQUEST_UNKNOWN_NUMBER(Kind.NOT_FOUND, "unknown_subscriber", "error.request.unknownNumber"),
    STAFF_DUPLICATE_USERNAME(Kind.CONFLICT, "duplicate_username", "error.staff.duplicateUsername"),
    STAFF_INVALID_DISPLAY_NAME(Kind.INVALID, "invalid_display_name", "error.staff.invalidDisplayName"),
    STAFF_INVALID_USERNAME(Kind.INVALID, "invalid_username", "error.staff.invalidUsername"),
    STAFF_LAST_ADMIN(Kind.CONFLICT, "last_admin", "error.staff.lastAdmin"),
    STAFF_NO_ROLE(Kind.INVALID, "no_role", "error.staff.noRole"),
    STAFF_PASSWORD_CONTAINS_USERNAME(Kind.INVALID, "weak_password", "error.staff.passwordContainsUsername"),
    STAFF_PASSWORD_TOO_LONG(Kind.INVALID, "weak_password", "error.staff.passwordTooLong"),
    STAFF_PASSWORD_TOO_SHORT(Kind.INVALID, "weak_password", "error.staff.passwordTooShort"),
    STAFF_PASSWORD_TOO_SIMPLE(Kind.INVALID, "weak_password", "error.staff.passwordTooSimple"),
    STAFF_RESERVED_USERNAME(Kind.INVALID, "reserved_username", "error.staff.reservedUsername"),
    STAFF_SAME_PASSWORD(Kind.INVALID, "same_password", "error.staff.samePassword"),
    STAFF_UNKNOWN(Kind.NOT_FOUND, "unknown_staff", "error.staff.unknown"),
    STAFF_UNKNOWN_ROLE(Kind.INVALID, "unknown_role", "error.staff.unknownRole"),
    STAFF_USERNAME_IMMUTABLE(Kind.INVALID, "username_immutable", "error.staff.usernameImmutable"),
    STAFF_WRONG_CURRENT_PASSWORD(Kind.INVALID, "wrong_current_password", "error.staff.wrongCurrentPassword"),
    SUBSCRIBER_ALREADY_ERASED(Kind.CONFLICT, "already_erased", "error.subscriber.alreadyErased"),
    SUBSCRIBER_NOT_ACTIVE(Kind.CONFLICT, "not_active", "error.subscriber.notActive"),
    SUBSCRIBER_NO_IDENTITY(Kind.INVALID, "no_identity", "error.subscriber.noIdentity"),
    SUBSCRIBER_NO_PENDING_REQUEST(Kind.CONFLICT, "no_pending_request", "error.subscriber.noPendingRequest"),
    SUBSCRIBER_NO_TOPIC(Kind.INVALID, "no_topic", "error.subscriber.noTopic"),
    SUBSCRIBER_REQUEST_DATE(Kind.INVALID, "invalid_request_date", "error.subscriber.requestDate"),
    SUBSCRIBER_STATE(Kind.CONFLICT, "invalid_state", "error.subscriber.state"),
    SUBSCRIBER_UNKNOWN(Kind.NOT_FOUND, "unknown_subscriber", "error.subscriber.unknown"),
    SUBSCRIBER_UNKNOWN_NEIGHBOURHOOD(Kind.INVALID, "unknown_neighbourhood", "error.subscriber.unknownNeighbourhood"),
    SYNONYMS_INVALID(Kind.INVALID, "invalid_synonyms", "error.synonyms.invalid"),
    SYNONYMS_REQUIRED(Kind.INVALID, "synonyms_required", "error.synonyms.required"),
    TEMPLATE_BODY(Kind.INVALID, "invalid_template_body", "error.template.body"),
    TEMPLATE_BODY_COUNT(Kind.INVALID, "body_parameter_count", "error.template.bodyCount"),
    TEMPLATE_BODY_TOO_LONG(Kind.INVALID, "body_too_long", "error.template.bodyTooLong"),
    TEMPLATE_BUTTONS(Kind.INVALID, "invalid_template_buttons", "error.template.buttons"),
    TEMPLATE_CATEGORY_AND_STATUS(Kind.INVALID, "invalid_template", "error.template.categoryAndStatus"),
    TEMPLATE_DECLARED_AT_META(Kind.CONFLICT, "declared_at_meta", "error.template.declaredAtMeta"),
    TEMPLATE_EMPTY_HEADER_PARAMETER(Kind.INVALID, "empty_parameter", "error.template.emptyHeaderParameter"),
    TEMPLATE_EMPTY_PARAMETER(Kind.INVALID, "empty_parameter", "error.template.emptyParameter"),
    TEMPLATE_HEADER_COUNT(Kind.INVALID, "header_parameter_count", "error.template.headerCount"),
    TEMPLATE_HEADER_FOOTER(Kind.INVALID, "invalid_template_header", "error.template.headerFooter"),
    TEMPLATE_HEADER_PARAMETER_FORMAT(Kind.INVALID, "header_parameter_format", "error.template.headerParameterFormat"),
    TEMPLATE_INVALID_NAME(Kind.INVALID, "invalid_template_name", "error.template.invalidName"),
    TEMPLATE_LINK_REQUIRED(Kind.INVALID, "link_required", "error.template.linkRequired"),
    TEMPLATE_MEDIA_HEADER(Kind.INVALID, "invalid_template_header", "error.template.mediaHeader"),
    TEMPLATE_MEDIA_REQUIRED(Kind.INVALID, "header_media_required", "error.template.mediaRequired"),
    TEMPLATE_NOT_APPROVED(Kind.INVALID, "template_not_approved", "error.template.notApproved"),
    TEMPLATE_NO_CLOUD_API(Kind.CONFLICT, "no_cloud_api", "error.template.noCloudApi"),
    TEMPLATE_NO_LINK_BUTTON(Kind.INVALID, "no_link_button", "error.template.noLinkButton"),
    TEMPLATE_NO_MEDIA_HEADER(Kind.INVALID, "no_media_header", "error.template.noMediaHeader"),
    TEMPLATE_PARAMETER_FORMAT(Kind.INVALID, "parameter_format", "error.template.parameterFormat"),
    TEMPLATE_PARAMETER_NUMBERS(Kind.INVALID, "invalid_template_parameters", "error.template.parameterNumbers"),
    TEMPLATE_SYNC_FAILED(Kind.CONFLICT, "template_sync_failed", "error.template.syncFailed"),
    TEMPLATE_UNKNOWN(Kind.INVALID, "unknown_template", "error.template.unknown"),
    TEMPLATE_URL_BUTTON(Kind.INVALID, "invalid_template_buttons", "error.template.urlButton"),
    WEB_CONSENT_REQUIRED(Kind.INVALID, "consent_required", "error.web.consentRequired"),
    WEB_NOT_MOBILE(Kind.INVALID, "not_mobile", "error.web.notMobile"),
    WEB_RATE_LIMITED(Kind.CONFLICT, "rate_limited", "error.web.rateLimited");

    private final Kind kind;
    private final String code;
    private final String messageKey;

    DomainError(Kind kind, String code, String messageKey) {
        this.kind = kind;
        this.code = code;
        this.messageKey = messageKey;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
