package dev.tenon.loading;

import dev.tenon.exception.LazyLoadException;
import dev.tenon.identity.ResultGroup;
import dev.tenon.metadata.RelationshipModel;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices the N+1 problem as it happens: the same lazy relationship loaded one parent at a time for parents
 * that came from the same query result. From the threshold on (the 2nd load, by default) it warns once per
 * relationship and result on {@code tenon.nplusone}, naming the relationship, the number of loads, the line of
 * the caller's code that triggered it, and the fix; in strict mode it throws instead. It does nothing, and
 * costs nothing, until a lazy load happens.
 */
public final class NPlusOneDetector {
    private static final Logger LOG = LoggerFactory.getLogger("tenon.nplusone");

    private record Site(ResultGroup group, RelationshipModel relationship) {
    }

    private final int threshold;
    private final boolean strict;
    private final Map<Site, Integer> loads = new HashMap<>();

    /** A detector firing at the {@code threshold}-th load; throwing instead of warning when {@code strict}. */
    public NPlusOneDetector(int threshold, boolean strict) {
        this.threshold = threshold;
        this.strict = strict;
    }

    /** Records one lazy load of {@code relationship} for one parent of {@code group} (null: not from a query). */
    void lazyLoaded(ResultGroup group, RelationshipModel relationship) {
        if (group == null) {
            return;
        }
        int count = loads.merge(new Site(group, relationship), 1, Integer::sum);
        if (count != threshold) {
            return;
        }
        String message = "N+1 detected: " + relationship + " was lazy-loaded one " + relationship.owner().name()
                + " at a time, " + count + " times for the result of '" + group.origin() + "', at " + callerFrame()
                + ". Load it with the query instead: .options(Load.selectin(\"" + relationship.name() + "\")) or .options(Load.joined(\""
                + relationship.name() + "\")), or set batchSize on the relationship";
        if (strict) {
            throw new LazyLoadException(message);
        }
        LOG.warn(message);
    }

    /** The number of lazy loads recorded for a relationship of a result. */
    public int loads(ResultGroup group, RelationshipModel relationship) {
        return loads.getOrDefault(new Site(group, relationship), 0);
    }

    /** Forgets the counts (the session was committed or rolled back). */
    public void clear() {
        loads.clear();
    }

    /**
     * The first stack frame outside Tenon's own jar (or classes directory), the JDK and the accessors the enhancer
     * added to the entities ({@code tenon$get$...}): where the caller touched the relationship.
     */
    private static String callerFrame() {
        java.security.CodeSource tenon = NPlusOneDetector.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(frame -> !java.util.Objects.equals(frame.getDeclaringClass().getProtectionDomain().getCodeSource(), tenon))
                .filter(frame -> !frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")
                        && !frame.getMethodName().startsWith("tenon$"))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("an unknown place"));
    }
}
