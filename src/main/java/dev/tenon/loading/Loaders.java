package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import java.util.EnumMap;
import java.util.Map;

/**
 * The registry of loading strategies: one line per {@link Lazy} constant. Adding a strategy is a constant, a class
 * behind {@link RelationshipLoader}, and a line here.
 */
final class Loaders {
    private static final Map<Lazy, RelationshipLoader> LOADERS = new EnumMap<>(Lazy.class);

    static {
        LOADERS.put(Lazy.SELECT, new LazyLoader());
        LOADERS.put(Lazy.JOINED, new JoinedLoader());
        LOADERS.put(Lazy.SELECTIN, new SelectInLoader());
        LOADERS.put(Lazy.SUBQUERY, new SubqueryLoader());
        LOADERS.put(Lazy.NESTED, new NestedLoader(Loaders::of));
        LOADERS.put(Lazy.DYNAMIC, new DynamicLoader());
        LOADERS.put(Lazy.WRITE_ONLY, new DynamicLoader());
        LOADERS.put(Lazy.RAISE, new RaiseLoader());
        LOADERS.put(Lazy.NOLOAD, new NoLoadLoader());
    }

    private Loaders() {
    }

    /** The loader of a strategy. */
    static RelationshipLoader of(Lazy strategy) {
        return LOADERS.get(strategy);
    }

    /**
     * Puts {@code loader} in the place of a strategy until the returned handle is closed: how a test of the contract
     * runs a strategy of its own (an enum constant cannot be added from outside the enum).
     */
    static AutoCloseable replace(Lazy strategy, RelationshipLoader loader) {
        RelationshipLoader previous;
        synchronized (LOADERS) {
            previous = LOADERS.put(strategy, loader);
        }
        return () -> {
            synchronized (LOADERS) {
                LOADERS.put(strategy, previous);
            }
        };
    }
}
