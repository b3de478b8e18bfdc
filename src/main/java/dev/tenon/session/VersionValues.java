package dev.tenon.session;

import dev.tenon.exception.TenonException;
import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The values the flush gives a {@code @Version} column: the first at insert, the next at each update. A counter
 * starts at 1 and counts up (a short or an int that overflows wraps round, still unlike the value it replaces); a
 * timestamp is the current time in microseconds, the precision both databases keep, so that the value in the object is
 * the one in the row and the next WHERE clause finds it; a clock that has not moved on, or has gone back, gives one
 * microsecond past the value replaced instead, so that a version never repeats.
 */
final class VersionValues {
    private VersionValues() {
    }

    /** Whether a new object's version is still to be set: null, or the 0 of a primitive or box nobody set. */
    static boolean unset(Object value) {
        return value == null || value instanceof Number number && number.longValue() == 0;
    }

    /** The version a new row is inserted with. */
    static Object first(ColumnModel column) {
        Class<?> type = column.type().javaType();
        if (type == Integer.class) {
            return 1;
        }
        if (type == Long.class) {
            return 1L;
        }
        if (type == Short.class) {
            return (short) 1;
        }
        return now(type);
    }

    /**
     * The version {@code state}'s object holds, which its UPDATE or DELETE checks.
     *
     * @throws TenonException when it holds none: its row's version is NULL, which no WHERE clause finds
     */
    static Object held(InstanceState state, ColumnModel column) {
        Object current = column.get(state.object());
        if (current == null) {
            throw new TenonException(state.entity().name() + "#" + state.id() + " has no version (" + column.attribute()
                    + " is null), so its row cannot be checked for changes by others: give its row a version "
                    + "(UPDATE " + column.table().qualifiedName() + " SET " + column.name() + " = 1 WHERE " + column.name()
                    + " IS NULL, or the current time for a timestamp) and read it again");
        }
        return current;
    }

    /** The version that replaces {@code current}. */
    static Object next(Object current) {
        if (current instanceof Integer value) {
            return value + 1;
        }
        if (current instanceof Long value) {
            return value + 1;
        }
        if (current instanceof Short value) {
            return (short) (value + 1);
        }
        return later(current, now(current.getClass()));
    }

    private static Object now(Class<?> type) {
        if (type == Instant.class) {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        // The scanner accepts no other type for a version.
        throw new IllegalStateException("not a version type: " + type);
    }

    private static Object later(Object current, Object now) {
        if (current instanceof Instant old) {
            Instant floor = old.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
            return ((Instant) now).isBefore(floor) ? floor : now;
        }
        if (current instanceof OffsetDateTime old) {
            OffsetDateTime floor = old.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
            return ((OffsetDateTime) now).isBefore(floor) ? floor : now;
        }
        LocalDateTime floor = ((LocalDateTime) current).truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        return ((LocalDateTime) now).isBefore(floor) ? floor : now;
    }
}
