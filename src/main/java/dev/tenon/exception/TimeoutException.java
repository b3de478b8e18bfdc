package dev.tenon.exception;

import java.time.Duration;

/**
 * A timeout of the connection options expired: opening a connection, waiting for one from the pool, a statement
 * running, or the network going quiet. The message names the timeout and its value, with what was going on (the
 * pool's state, the SQL) and what to change; {@link #which()} and {@link #timeout()} say the same to code.
 */
public class TimeoutException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** The timeouts of {@code dev.tenon.engine.ConnectionOptions}, each named as its option is. */
    public enum Which {
        /** Opening a new connection: reaching the server and logging in ({@code connectTimeout}). */
        CONNECT("connectTimeout"),
        /** Waiting for a free connection from the pool ({@code acquireTimeout}). */
        ACQUIRE("acquireTimeout"),
        /** One statement running in the database ({@code statementTimeout}). */
        STATEMENT("statementTimeout"),
        /** Waiting for the database to answer on the network ({@code socketTimeout}). */
        SOCKET("socketTimeout");

        private final String option;

        Which(String option) {
            this.option = option;
        }

        /** The name of the option that sets this timeout. */
        public String option() {
            return option;
        }
    }

    private final Which which;
    private final Duration timeout;

    /** An exception for {@code which} timeout of {@code timeout}; the message starts by naming both. */
    public TimeoutException(Which which, Duration timeout, String detail, Throwable cause) {
        super(which.option() + " of " + shown(timeout) + " expired: " + detail, cause);
        this.which = which;
        this.timeout = timeout;
    }

    /** Which timeout expired. */
    public Which which() {
        return which;
    }

    /** Its configured value. */
    public Duration timeout() {
        return timeout;
    }

    /** A duration as people write it: {@code 250 ms}, {@code 10 s}, {@code 1.5 s}. */
    public static String shown(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
