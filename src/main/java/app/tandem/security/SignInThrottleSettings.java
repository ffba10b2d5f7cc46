package app.tandem.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins slow down the next attempts. Failures are counted three ways: for one account from one
 * client address, for one account from anywhere, and for one address whatever the account. Past a count's free
 * failures, each further failure makes the next attempt wait: the first delay, then twice as long each time, up
 * to the longest delay. A count is forgotten once its last failure is that long ago.
 *
 * @param freeFailuresPerAccountAndAddress failures of one account from one address before any wait
 * @param freeFailuresPerAccount           failures of one account from all addresses before any wait; high,
 *                                         so that one stranger cannot hold someone else's account
 * @param freeFailuresPerAddress           failures from one address before any wait; high, as a whole school
 *                                         may sign in from one address
 * @param firstDelay                       the first wait
 * @param maxDelay                         the longest wait
 * @param forgetAfter                      how long a count lasts after its last failure
 */
@ConfigurationProperties("tandem.sign-in")
record SignInThrottleSettings(int freeFailuresPerAccountAndAddress, int freeFailuresPerAccount,
                              int freeFailuresPerAddress, Duration firstDelay, Duration maxDelay,
                              Duration forgetAfter) {

    /** The wait after the given number of failures, zero while they are free. */
    Duration delayAfter(int failures, int free) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // Past 2^20 the doubling has long reached any sensible cap.
        Duration delay = firstDelay.multipliedBy(1L << Math.min(over - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
