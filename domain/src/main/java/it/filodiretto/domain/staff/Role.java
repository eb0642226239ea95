package it.filodiretto.domain.staff;

/** Staff roles (PRODUCT.md §2). The names are the security roles the web layer declares. */
public enum Role {
    ADMIN,
    EDITOR,
    REVIEWER,
    EMERGENCY,
    PRIVACY_OFFICER,
    OPERATOR
}
