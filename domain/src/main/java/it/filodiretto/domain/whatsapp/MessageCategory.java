package it.filodiretto.domain.whatsapp;

/** WhatsApp template categories. MARKETING goes through the marketing endpoint and honours opt-outs. */
public enum MessageCategory {
    UTILITY, MARKETING, AUTHENTICATION
}
