package dev.tenon.query;

import dev.tenon.annotation.Lazy;
import dev.tenon.exception.TenonException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loader option: how to load a relationship, or a path of relationships, in one query, overriding the
 * mapping's {@code lazy}. Chained calls go one level deeper.
 *
 * <pre>{@code
 * Load.selectin("employees")                     // Dept.employees by IN-batched secondary queries
 * Load.selectin("employees").thenJoined("manager") // ... and each employee's manager joined into that query
 * Load.joined("department")                      // Emp.department in the same statement
 * Load.selectin("employees").batchSize(100)       // 100 departments per statement, whatever the session's setting
 * Load.selectin("employees").orderBy("sal desc").limit(2) // the two best paid of each department (top-N per parent)
 * Load.nested("employees")                       // each department's employees as a JSON array in its own row
 * }</pre>
 */
public final class Load {
    /**
     * One step of the path: a relationship name, the strategy to load it with, for a selectin step the parents
     * per statement ({@code 0}: the session's {@code selectinBatchSize}), the order of the collection (empty: the
     * mapping's) and the members kept per parent (null: all of them).
     */
    public record Step(String relationship, Lazy strategy, int batchSize, List<Query.Order> orderBy, Integer limit) {
        /** A step as given; the order is copied. */
        public Step {
            orderBy = List.copyOf(orderBy);
        }

        /** A step with the session's batch size, the mapping's order and no limit. */
        public Step(String relationship, Lazy strategy) {
            this(relationship, strategy, 0);
        }

        /** A step with the mapping's order and no limit. */
        public Step(String relationship, Lazy strategy, int batchSize) {
            this(relationship, strategy, batchSize, List.of(), null);
        }
    }

    private final List<Step> path;

    private Load(List<Step> path) {
        this.path = List.copyOf(path);
    }

    /** The relationship in the same statement, through a LEFT OUTER JOIN. */
    public static Load joined(String relationship) {
        return start(relationship, Lazy.JOINED);
    }

    /** The relationship by IN-batched secondary statements after the parents. */
    public static Load selectin(String relationship) {
        return start(relationship, Lazy.SELECTIN);
    }

    /** The relationship by one secondary statement joined to the parent query as a subquery. */
    public static Load subquery(String relationship) {
        return start(relationship, Lazy.SUBQUERY);
    }

    /**
     * A collection in the parents' own statement, as one JSON array per parent built by a correlated subquery: one
     * statement, no parent repeated over rows, several sibling collections side by side. Collections only; what the
     * children's entity loads eagerly in turn is loaded by keys after the statement, as selectin does.
     */
    public static Load nested(String relationship) {
        return start(relationship, Lazy.NESTED);
    }

    /** The relationship on first access, one SELECT per parent. */
    public static Load lazy(String relationship) {
        return start(relationship, Lazy.SELECT);
    }

    /** Access to the relationship fails. */
    public static Load raise(String relationship) {
        return start(relationship, Lazy.RAISE);
    }

    /** The relationship is left empty. */
    public static Load noload(String relationship) {
        return start(relationship, Lazy.NOLOAD);
    }

    private static Load start(String relationship, Lazy strategy) {
        requireName(relationship, strategy, "");
        return new Load(List.of(new Step(relationship, strategy)));
    }

    private Load then(String relationship, Lazy strategy) {
        requireName(relationship, strategy, this + ".then");
        List<Step> longer = new ArrayList<>(path);
        longer.add(new Step(relationship, strategy));
        return new Load(longer);
    }

    // "Load.joined(null)", "Load.selectin(\"employees\").thenJoined(null)": the call as written, and the fix.
    private static void requireName(String relationship, Lazy strategy, String before) {
        if (relationship == null) {
            String name = name(strategy);
            String call = before.isEmpty() ? "Load." + name : before + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            throw new TenonException(call + "(null): the relationship name is null; name a relationship field, e.g. \"employees\"");
        }
    }

    /** The strategy as its factory method is named. */
    private static String name(Lazy strategy) {
        return strategy == Lazy.SELECT ? "lazy" : strategy.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One level deeper: the next relationship joined. */
    public Load thenJoined(String relationship) {
        return then(relationship, Lazy.JOINED);
    }

    /** One level deeper, selectin. */
    public Load thenSelectin(String relationship) {
        return then(relationship, Lazy.SELECTIN);
    }

    /** One level deeper, subquery. */
    public Load thenSubquery(String relationship) {
        return then(relationship, Lazy.SUBQUERY);
    }

    /** One level deeper, nested: the collection as a JSON array in the statement that reads its parents. */
    public Load thenNested(String relationship) {
        return then(relationship, Lazy.NESTED);
    }

    /** One level deeper, lazy. */
    public Load thenLazy(String relationship) {
        return then(relationship, Lazy.SELECT);
    }

    /** One level deeper, raise. */
    public Load thenRaise(String relationship) {
        return then(relationship, Lazy.RAISE);
    }

    /** One level deeper, noload. */
    public Load thenNoload(String relationship) {
        return then(relationship, Lazy.NOLOAD);
    }

    /**
     * Parents per statement for this path's last step, a selectin load, instead of the session's
     * {@code SessionOptions.selectinBatchSize}: {@code Load.selectin("employees").batchSize(2)} loads 4 departments'
     * employees in 2 statements. Chaining goes on from the same step:
     * {@code Load.selectin("employees").batchSize(2).thenJoined("manager")}.
     *
     * @throws TenonException when {@code parents} is below 1, or the last step is not a selectin load (a joined load
     *                        is part of its parents' statement, and a subquery load runs one statement for all parents)
     */
    public Load batchSize(int parents) {
        Step last = path.get(path.size() - 1);
        String call = this + ".batchSize(" + parents + ")";
        if (parents < 1) {
            throw new TenonException(call + ": the batch size is the parents per statement and must be at least 1");
        }
        if (last.strategy() != Lazy.SELECTIN) {
            throw new TenonException(call + ": only a selectin load runs one statement per batch of parents, and the strategy of \""
                    + last.relationship() + "\" is " + name(last.strategy()) + "; load it by selectin(\"" + last.relationship()
                    + "\") to set its batch size");
        }
        return withLast(new Step(last.relationship(), last.strategy(), parents, last.orderBy(), last.limit()));
    }

    /**
     * The order of this path's last step, a collection, instead of its mapping's {@code orderBy}: attribute names of
     * the collection's entity, each optionally followed by {@code asc} or {@code desc}. With {@link #limit} it tells
     * which members are the first: {@code Load.selectin("tracks").orderBy("milliseconds desc").limit(3)}.
     *
     * @throws TenonException when a term is null, not an attribute name optionally followed by asc or desc, or the
     *                        strategy loads nothing (raise, noload)
     */
    public Load orderBy(String... terms) {
        Step last = path.get(path.size() - 1);
        String call = this + ".orderBy(...)";
        if (terms == null || terms.length == 0) {
            throw new TenonException(call + ": name at least one attribute to order by, e.g. orderBy(\"sal desc\")");
        }
        refuseNothingLoaded(call, last);
        List<Query.Order> orders = new ArrayList<>();
        for (String term : terms) {
            String[] words = term == null ? new String[0] : term.trim().split("\\s+");
            // An attribute is a Java name: anything else (quotes, parentheses, semicolons) is refused here, and the
            // name itself only ever reaches the SQL as the column the mapping gives it.
            boolean valid = words.length >= 1 && words.length <= 2 && isJavaName(words[0])
                    && (words.length == 1 || words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc"));
            if (!valid) {
                throw new TenonException(call + ": each term must be an attribute name of the collection's entity, optionally "
                        + "followed by asc or desc, e.g. orderBy(\"milliseconds desc\", \"name\")");
            }
            orders.add(new Query.Order(words[0], words.length == 2 && words[1].equalsIgnoreCase("desc")));
        }
        return withLast(new Step(last.relationship(), last.strategy(), last.batchSize(), orders, last.limit()));
    }

    /**
     * At most {@code perParent} members in the collection of each parent, the first ones by {@link #orderBy} (or the
     * mapping's order, then the primary key, which also breaks ties): top-N per parent, in one statement for all the
     * parents through {@code ROW_NUMBER() OVER (PARTITION BY <parent key> ORDER BY ...)}, the limit bound as a
     * parameter. The collection then holds only those members, and is loaded: it is a partial view, which is not
     * loaded again, and a flush takes only the changes made to it (the members it never held are not removed). A
     * parent whose collection the session had loaded already keeps it whole, as with any eager load.
     * A lazy load keeps the limit when it loads the collection on first access.
     *
     * @throws TenonException when {@code perParent} is below 1, or the strategy cannot honour it: joined loading reads
     *                        the children in the parents' own statement, where a LIMIT counts rows rather than members
     *                        of each parent (use {@code selectin}); raise and noload load nothing
     */
    public Load limit(int perParent) {
        Step last = path.get(path.size() - 1);
        String call = this + ".limit(" + perParent + ")";
        if (perParent < 1) {
            throw new TenonException(call + ": the limit is the members kept per parent and must be at least 1; to load no members use noload(\""
                    + last.relationship() + "\")");
        }
        if (last.strategy() == Lazy.JOINED) {
            throw new TenonException(call + ": joined loading reads \"" + last.relationship() + "\" in the parents' own statement, where a LIMIT"
                    + " would count the rows of all the parents, not the members of each; load it by selectin(\"" + last.relationship()
                    + "\").limit(" + perParent + ") instead, one more statement that keeps the first " + perParent + " of each parent");
        }
        refuseNothingLoaded(call, last);
        return withLast(new Step(last.relationship(), last.strategy(), last.batchSize(), last.orderBy(), perParent));
    }

    private static void refuseNothingLoaded(String call, Step last) {
        if (last.strategy() == Lazy.RAISE || last.strategy() == Lazy.NOLOAD) {
            throw new TenonException(call + ": the strategy of \"" + last.relationship() + "\" is " + name(last.strategy())
                    + ", which loads nothing to order or limit; load it by selectin(\"" + last.relationship() + "\")");
        }
    }

    private static boolean isJavaName(String word) {
        if (word.isEmpty() || !Character.isJavaIdentifierStart(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isJavaIdentifierPart(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Load withLast(Step step) {
        List<Step> changed = new ArrayList<>(path);
        changed.set(changed.size() - 1, step);
        return new Load(changed);
    }

    /** The steps, from the queried entity outwards. */
    public List<Step> path() {
        return path;
    }

    /** Two options are equal when their paths are: same steps, strategies, batch sizes, orders and limits. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Load load && path.equals(load.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Load");
        for (Step step : path) {
            text.append('.').append(step.strategy().name().toLowerCase(java.util.Locale.ROOT)).append("(\"").append(step.relationship()).append("\")");
            if (step.batchSize() > 0) {
                text.append(".batchSize(").append(step.batchSize()).append(')');
            }
            if (!step.orderBy().isEmpty()) {
                text.append(".orderBy(").append(String.join(", ", step.orderBy().stream()
                        .map(order -> "\"" + order.path() + (order.descending() ? " desc" : "") + "\"").toList())).append(')');
            }
            if (step.limit() != null) {
                text.append(".limit(").append(step.limit()).append(')');
            }
        }
        return text.toString();
    }
}
