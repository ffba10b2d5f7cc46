package app.tandem.security;

import java.time.Instant;

/**
 * Recent failed sign-ins of one account.
 *
 * @param failures       failures counted for the account from all addresses
 * @param addresses      how many client addresses they came from
 * @param throttledUntil the end of the latest wait on the account, in the past once it is over
 */
public record FailedSignIns(String account, int failures, int addresses, Instant lastFailureAt, Instant throttledUntil) {
}
