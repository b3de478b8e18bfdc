package dev.tenon.engine;

import dev.tenon.exception.TenonException;

/**
 * A position in PostgreSQL's write-ahead log (an LSN, shown as PostgreSQL shows it: {@code 0/3000148}): where a commit
 * ended on the primary, or how far a standby has replayed. A standby whose replay position has reached a commit's
 * position sees what that commit wrote. Ordered; immutable.
 *
 * <pre>{@code
 * session.commit();
 * WalPosition written = session.lastCommitPosition().orElseThrow();   // hand it to another process...
 * try (Session reader = db.openReadOnlySession(metadata, written)) { ... }   // ...which reads it back
 * }</pre>
 *
 * @param value the 64-bit log position, compared unsigned as PostgreSQL does
 */
public record WalPosition(long value) implements Comparable<WalPosition> {
    /** The position of PostgreSQL's text form, {@code XXXXXXXX/XXXXXXXX} (two hexadecimal halves). */
    public static WalPosition parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new TenonException("Not a WAL position: '" + text + "'; expected PostgreSQL's form, such as 0/3000148");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL || high < 0 || low < 0) {
                throw new NumberFormatException("a half exceeds 32 bits");
            }
            return new WalPosition(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new TenonException("Not a WAL position: '" + text + "' (" + e.getMessage() + "); expected PostgreSQL's form, such as 0/3000148", e);
        }
    }

    /** Whether this position is at or past {@code other}: a standby replayed this far sees what {@code other} ended. */
    public boolean reached(WalPosition other) {
        return compareTo(other) >= 0;
    }

    /** The later of two positions; null counts as none. */
    static WalPosition later(WalPosition a, WalPosition b) {
        if (a == null) {
            return b;
        }
        return b == null || a.reached(b) ? a : b;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** PostgreSQL's text form, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
