package app.tandem.notify;

/** How an address asked for no more mail: the mail program's one-click button, the link in the mail, or a mail. */
public enum OptOutSource {
    ONE_CLICK,
    LINK,
    MAILTO;

    public String messageKey() {
        return "optOut.source." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
