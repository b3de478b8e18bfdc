package dev.tenon.engine;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.RelationshipModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Counts what ran: statements (one per execution or JDBC batch, i.e. per round trip), by kind, and rows
 * (read by SELECTs, written by DML). Kept per database and per session; thread-safe.
 *
 * <pre>{@code
 * long before = session.statistics().statements();
 * dept.employees.size();                       // a lazy load
 * assert session.statistics().statements() == before + 1;
 * }</pre>
 *
 * A failed statement is counted in {@link #failures()}, not by kind, and told to the observer given at
 * construction: that is how a session learns that its transaction was lost, whichever loader ran the statement.
 *
 * <p>A session's statistics also say why a statement ran when the application did not ask for it directly: a lazy load
 * marks the statements it runs with its relationship ({@link #lazyLoading}), which a statement budget shows.
 */
public final class Statistics {
    private final AtomicLongArray byKind = new AtomicLongArray(StatementKind.values().length);
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Consumer<? super TenonException> onFailure;
    /** The budgets open on these statistics (a session's), as observers; empty, as almost always, it costs one check per statement. */
    private final List<StatementObserver> observers = new CopyOnWriteArrayList<>();
    /** The relationship whose lazy load runs the statements now recorded; written and read by the owner's thread. */
    private RelationshipModel lazyLoad;

    /** Statistics that only count. */
    public Statistics() {
        this(failure -> { });
    }

    /** Statistics that also tell {@code onFailure} of each statement that failed, on the thread that ran it. */
    public Statistics(Consumer<? super TenonException> onFailure) {
        this.onFailure = onFailure;
    }

    void record(StatementKind kind, long rows) {
        byKind.incrementAndGet(kind.ordinal());
        if (kind == StatementKind.SELECT) {
            rowsRead.addAndGet(rows);
        } else if (kind != StatementKind.DDL) {
            rowsWritten.addAndGet(rows);
        }
    }

    /**
     * Marks the statements recorded from now on as run by the lazy load of {@code relationship} (null: by the
     * application itself), and returns the mark it replaces, which the load puts back when it ends. A field write: lazy
     * loads pay nothing more for it whether a budget is open or not.
     */
    public RelationshipModel lazyLoading(RelationshipModel relationship) {
        RelationshipModel previous = lazyLoad;
        lazyLoad = relationship;
        return previous;
    }

    /** The relationship whose lazy load runs the statements now recorded, or null. */
    public RelationshipModel lazyLoad() {
        return lazyLoad;
    }

    void addObserver(StatementObserver observer) {
        observers.add(observer);
    }

    void removeObserver(StatementObserver observer) {
        observers.remove(observer);
    }

    /** Those told of each statement recorded here (the budgets open on a session); usually none. */
    List<StatementObserver> observers() {
        return observers;
    }

    void addRowsRead(long rows) {
        rowsRead.addAndGet(rows);
    }

    void recordFailure(TenonException failure) {
        failures.incrementAndGet();
        onFailure.accept(failure);
    }

    /** Statements that failed in the database (counted apart from the statements that ran). */
    public long failures() {
        return failures.get();
    }

    /** All statements executed. */
    public long statements() {
        long total = 0;
        for (int i = 0; i < byKind.length(); i++) {
            total += byKind.get(i);
        }
        return total;
    }

    /** Statements of one kind. */
    public long statements(StatementKind kind) {
        return byKind.get(kind.ordinal());
    }

    /** Rows read by SELECT statements. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** Rows inserted, updated or deleted. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** Sets every counter to zero. */
    public void reset() {
        for (int i = 0; i < byKind.length(); i++) {
            byKind.set(i, 0);
        }
        rowsRead.set(0);
        rowsWritten.set(0);
        failures.set(0);
    }

    /** The non-zero counts by kind. */
    public Map<StatementKind, Long> byKind() {
        Map<StatementKind, Long> counts = new EnumMap<>(StatementKind.class);
        for (StatementKind kind : StatementKind.values()) {
            if (byKind.get(kind.ordinal()) > 0) {
                counts.put(kind, byKind.get(kind.ordinal()));
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return statements() + " statements " + byKind() + ", " + rowsRead() + " rows read, " + rowsWritten() + " written";
    }
}
