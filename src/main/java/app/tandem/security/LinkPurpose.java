package app.tandem.security;

/** What a one-time link is for; a link of one purpose is voided by a new one of the same purpose only. */
public enum LinkPurpose {
    /** A new person chooses their first password. */
    INVITATION,
    /** Someone who forgot their password chooses a new one. */
    PASSWORD_RESET
}
