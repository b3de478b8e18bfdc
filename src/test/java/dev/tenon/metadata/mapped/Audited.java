package dev.tenon.metadata.mapped;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.MappedSuperclass;
import dev.tenon.annotation.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The base class of almost every codebase: a generated key, audit timestamps and a version, inherited by every entity
 * below it. In a package of its own, so that its subclasses reach its fields as subclasses in another package do.
 */
@MappedSuperclass
public abstract class Audited {
    /** The time the flush writes as {@code updated}; fixed, so that tests can compare it. */
    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** {@code updated} at insert and at every update. */
    public static final class Clock implements Supplier<Instant> {
        @Override
        public Instant get() {
            return NOW;
        }
    }

    @Id protected Long id;
    // Private: only the accessors of this class reach it, which loading then uses for every entity below.
    @Column(serverDefault = "now") private Instant created;
    @Column(insertDefault = Clock.class, updateValue = Clock.class) protected Instant updated;
    @Version protected long version;

    /** The generated key. */
    public Long id() {
        return id;
    }

    /** When the database inserted the row. */
    public Instant created() {
        return created;
    }

    /** Sets the creation time, through this class's own code. */
    public void backdate(int days) {
        created = created.minus(days, ChronoUnit.DAYS);
    }

    /** When the row was last written. */
    public Instant updated() {
        return updated;
    }

    /** The row's version. */
    public long version() {
        return version;
    }
}
