package app.tandem.notify;

/**
 * Why a message did not go out. {@code permanent}: the server refused it for good (5xx, an invalid
 * address), so trying again cannot help. The reason never carries an address.
 */
class DeliveryFailure extends Exception {

    private final boolean permanent;

    DeliveryFailure(boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** Whether the server answered with a refusal (an SMTP code), not a broken or silent connection. */
    boolean answered() {
        return getMessage() != null && getMessage().startsWith("SMTP ");
    }

    boolean permanent() {
        return permanent;
    }

    String reason() {
        return getMessage();
    }
}
