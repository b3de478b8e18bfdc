package dev.tenon.loading;

import dev.tenon.engine.CallSite;
import dev.tenon.exception.LazyLoadException;
import dev.tenon.identity.ResultGroup;
import dev.tenon.metadata.RelationshipModel;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices the N+1 problem as it happens: statements that load the same relationship one parent at a time for parents
 * that came from the same query result. It counts statements, not loads, per relationship and result: every lazy load
 * is seen, collections and references alike, whatever touched it (a field read, a back-population, the flush), a load
 * the identity map answered without SQL is not counted, and a statement that filled a batch of siblings at once is not
 * one of them, so batched lazy loads are never flagged (nor eager ones, which are no lazy loads). When the statements
 * of two or more such loads reach the threshold (the 2nd statement, by default), it warns once per relationship and
 * result on {@code tenon.nplusone}, naming the relationship, the count, the line of the caller's code that triggered
 * it, and the fix; in strict mode it throws instead. It costs a map update per lazy load, and nothing until one.
 */
public final class NPlusOneDetector {
    private static final Logger LOG = LoggerFactory.getLogger("tenon.nplusone");

    private record Site(ResultGroup group, RelationshipModel relationship) {
    }

    /** The loads of one parent at a time seen at a site, and the statements they ran. */
    private static final class Count {
        int loads;
        long statements;
        boolean reported;
    }

    private final int threshold;
    private final boolean strict;
    private final Map<Site, Count> counts = new HashMap<>();

    /** A detector firing at the {@code threshold}-th statement; throwing instead of warning when {@code strict}. */
    public NPlusOneDetector(int threshold, boolean strict) {
        this.threshold = threshold;
        this.strict = strict;
    }

    /**
     * Records a lazy load of {@code relationship} that filled {@code parents} parents of {@code group} (null: not from
     * a query) with {@code statements} statements. Only loads of one parent that ran SQL count.
     */
    void ran(ResultGroup group, RelationshipModel relationship, int parents, long statements) {
        if (group == null || parents != 1 || statements == 0) {
            return;
        }
        Count count = counts.computeIfAbsent(new Site(group, relationship), site -> new Count());
        count.loads++;
        count.statements += statements;
        // One load is never an N+1, however many statements it ran (the eager relationships of what it loaded).
        if (count.reported || count.loads < 2 || count.statements < threshold) {
            return;
        }
        count.reported = true;
        String message = "N+1 detected: " + relationship + " was lazy-loaded one " + relationship.owner().name() + " at a time, "
                + count.loads + " times for the result of '" + group.origin() + "' (" + count.statements + " statements), at "
                + CallSite.find() + ". Load it with the query instead: .options(Load.selectin(\"" + relationship.name()
                + "\")) or .options(Load.joined(\"" + relationship.name() + "\")), or set batchSize on the relationship";
        if (strict) {
            throw new LazyLoadException(message);
        }
        LOG.warn(message);
    }

    /** The statements that lazy loads of one parent at a time ran for a relationship of a result. */
    public long statements(ResultGroup group, RelationshipModel relationship) {
        Count count = counts.get(new Site(group, relationship));
        return count == null ? 0 : count.statements;
    }

    /** Forgets the counts (the session was committed or rolled back). */
    public void clear() {
        counts.clear();
    }
}
