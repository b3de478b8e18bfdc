package dev.tenon.query;

import dev.tenon.exception.TenonException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One column of a {@link Projection}: an attribute path, or an aggregate over one (SQLAlchemy's {@code func.sum},
 * JPA's {@code cb.sum}). Each column has a name, by which a record component is matched and by which
 * {@code orderBy} and {@code having} refer to it: its alias when given, else the last name of its path
 * ({@code "department.dname"} is {@code dname}), else for an aggregate the function and the capitalised attribute
 * ({@code count()} is {@code count}, {@code sum("sal")} is {@code sumSal}, {@code countDistinct("job")} is
 * {@code countDistinctJob}).
 *
 * <pre>{@code
 * import static dev.tenon.query.Selection.count;
 * import static dev.tenon.query.Selection.sum;
 *
 * session.select(Emp.class).columns("department.dname as dept", count().as("employees"), sum("sal").as("total"))
 * }</pre>
 *
 * <p>What each aggregate returns, the same on H2 and PostgreSQL: {@code count} and {@code countDistinct} a
 * {@code long}; {@code sum} a {@code Long} over integer attributes, a {@code BigDecimal} over decimal ones, a
 * {@code Double} over floating ones; {@code avg} a {@code Double} (the databases compute it in different types:
 * a double is the one answer both give alike; round it, or divide a sum by a count, for money); {@code min} and
 * {@code max} the attribute's own type. Over no rows, every aggregate but the counts is null.
 *
 * <p>Names are checked against the mapping when the query runs, and an alias must be a Java identifier: neither
 * ever reaches the SQL text, whose column labels, when any, Tenon makes itself.
 */
public sealed interface Selection {
    /** An attribute path, read as the attribute's own type. */
    record Attribute(String path, String alias) implements Selection {
        /** Checks the path and the alias. */
        public Attribute {
            requirePath(path, "columns");
            checkAlias(alias, path);
        }

        @Override
        public Selection as(String name) {
            return new Attribute(path, name);
        }

        @Override
        public String name() {
            return alias != null ? alias : path.substring(path.lastIndexOf('.') + 1);
        }

        @Override
        public String toString() {
            return alias == null ? path : path + " as " + alias;
        }
    }

    /** An aggregate function over an attribute path ({@code null} for {@code COUNT(*)}). */
    record Aggregate(Function function, String path, String alias) implements Selection {
        /** Checks the path and the alias. */
        public Aggregate {
            if (function == null) {
                throw new TenonException("Aggregate(null, ...): the function is null; use count(), sum(...), avg(...)...");
            }
            if (function != Function.COUNT || path != null) {
                requirePath(path, function.call);
            }
            checkAlias(alias, function.call + "(" + (path == null ? "" : "\"" + path + "\"") + ")");
        }

        @Override
        public Selection as(String name) {
            return new Aggregate(function, path, name);
        }

        @Override
        public String name() {
            if (alias != null) {
                return alias;
            }
            if (path == null) {
                return function.call;
            }
            String last = path.substring(path.lastIndexOf('.') + 1);
            return function.call + (last.isEmpty() ? "" : last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1));
        }

        @Override
        public String toString() {
            return function.call + "(" + (path == null ? "" : "\"" + path + "\"") + ")" + (alias == null ? "" : ".as(\"" + alias + "\")");
        }
    }

    /** The aggregate functions, each written by Tenon into the SQL as {@link #sql()}. */
    enum Function {
        /** {@code COUNT(*)}, or {@code COUNT(path)}: the rows, or the non-null values. */
        COUNT("count", "COUNT"),
        /** {@code COUNT(DISTINCT path)}. */
        COUNT_DISTINCT("countDistinct", "COUNT"),
        /** {@code SUM(path)}. */
        SUM("sum", "SUM"),
        /** {@code AVG(path)}. */
        AVG("avg", "AVG"),
        /** {@code MIN(path)}. */
        MIN("min", "MIN"),
        /** {@code MAX(path)}. */
        MAX("max", "MAX");

        private final String call;
        private final String sql;

        Function(String call, String sql) {
            this.call = call;
            this.sql = sql;
        }

        /** The factory's name, as in {@code countDistinct}. */
        public String call() {
            return call;
        }

        /** The SQL function's name. */
        public String sql() {
            return sql;
        }
    }

    /** This column named {@code name}: matched with a record component of that name, and referred to by it. */
    Selection as(String name);

    /** The column's name: its alias, or the name made from its path (see the type's documentation). */
    String name();

    /** The attribute path, or null for {@code COUNT(*)}. */
    String path();

    /** The alias, or null. */
    String alias();

    /**
     * An attribute path, optionally followed by {@code " as "} and an alias: {@code "department.dname as dept"}. What
     * {@link Query#columns} makes of a string.
     */
    static Selection attribute(String column) {
        if (column == null) {
            requirePath(null, "columns");
        }
        String[] words = column.trim().split("\\s+");
        if (words.length == 3 && words[1].equalsIgnoreCase("as")) {
            return new Attribute(words[0], words[2]);
        }
        if (words.length != 1 || words[0].isEmpty()) {
            throw new TenonException("columns(\"" + column + "\"): expected an attribute path, optionally followed by 'as' and a name,"
                    + " e.g. \"department.dname as dept\"");
        }
        return new Attribute(words[0], null);
    }

    /** {@code COUNT(*)}: the number of rows (of each group), a {@code long}. */
    static Aggregate count() {
        return new Aggregate(Function.COUNT, null, null);
    }

    /** {@code COUNT(path)}: the number of rows where the path is not null, a {@code long}. */
    static Aggregate count(String path) {
        requirePath(path, "count");
        return new Aggregate(Function.COUNT, path, null);
    }

    /** {@code COUNT(DISTINCT path)}: the number of different non-null values, a {@code long}. */
    static Aggregate countDistinct(String path) {
        return new Aggregate(Function.COUNT_DISTINCT, path, null);
    }

    /** {@code SUM(path)}: a {@code Long} over integers, a {@code BigDecimal} over decimals, a {@code Double} over floats. */
    static Aggregate sum(String path) {
        return new Aggregate(Function.SUM, path, null);
    }

    /** {@code AVG(path)}: a {@code Double} on both databases. */
    static Aggregate avg(String path) {
        return new Aggregate(Function.AVG, path, null);
    }

    /** {@code MIN(path)}: the attribute's type. */
    static Aggregate min(String path) {
        return new Aggregate(Function.MIN, path, null);
    }

    /** {@code MAX(path)}: the attribute's type. */
    static Aggregate max(String path) {
        return new Aggregate(Function.MAX, path, null);
    }

    private static void requirePath(String path, String call) {
        if (path == null) {
            throw new TenonException(call + "(null): the attribute path is null; name an attribute, or a path through"
                    + " to-one relationships such as \"department.dname\"");
        }
    }

    // Identifier characters only: an alias is a record component's name, never SQL.
    private static void checkAlias(String alias, String column) {
        if (alias != null && !Pattern.matches("[A-Za-z_][A-Za-z0-9_]*", alias)) {
            throw new TenonException("'" + column + "' as '" + alias + "': a column's name must be a Java identifier (letters, digits"
                    + " and '_', not starting with a digit), the name of the record component it fills");
        }
    }
}
