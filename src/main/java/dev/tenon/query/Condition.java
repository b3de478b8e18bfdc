package dev.tenon.query;

import dev.tenon.exception.TenonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WHERE condition over attribute names, checked against the metadata when the query runs. A name may be a
 * path through to-one relationships ({@code "department.dname"}), which implies a join.
 *
 * <pre>{@code
 * session.select(Emp.class).where(and(eq("job", "CLERK"), gt("sal", 1000), eq("department.loc", "DALLAS")))
 * }</pre>
 *
 * A null argument (a path, a value list, a term) fails at once with a {@link TenonException} that names the argument.
 */
public sealed interface Condition {
    /** {@code path op value}; a null value with {@code =} is an error: use {@link #isNull(String)}. */
    record Compare(String path, String op, Object value) implements Condition {
        private static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=");
        private static final Map<String, String> NAMES = Map.of("=", "eq", "<>", "ne", "<", "lt", "<=", "le", ">", "gt", ">=", "ge");

        /** Checks the operator: it is written into the SQL as it is. */
        public Compare {
            if (op == null) {
                throw new TenonException("Compare('" + path + "', null, ...): the operator is null; use one of " + OPERATORS);
            }
            requirePath(path, NAMES.getOrDefault(op, "Compare"));
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("Unknown comparison '" + op + "' on '" + path + "'; use one of " + OPERATORS);
            }
        }
    }

    /** {@code path IN (values)}; a null among the values is an error, since it never matches: use {@link #isNull(String)}. */
    record In(String path, List<Object> values) implements Condition {
        /** Checks the path and the values, and copies them. */
        public In {
            requirePath(path, "in");
            if (values == null) {
                throw new TenonException("in(\"" + path + "\", null): the values are null; pass a list of values (an empty one matches nothing)");
            }
            int at = 0;
            while (at < values.size() && values.get(at) != null) {
                at++;
            }
            if (at < values.size()) {
                throw new TenonException("in(\"" + path + "\", ...): value " + at + " is null, and null matches nothing in SQL;"
                        + " leave it out, and use isNull(\"" + path + "\") for rows without a value");
            }
            values = List.copyOf(values);
        }
    }

    /** {@code path LIKE pattern}. */
    record Like(String path, String pattern) implements Condition {
        /** Checks the path and the pattern. */
        public Like {
            requirePath(path, "like");
            if (pattern == null) {
                throw new TenonException("like(\"" + path + "\", null): the pattern is null; use isNull(\"" + path + "\") for rows without a value");
            }
        }
    }

    /** {@code path IS NULL}. */
    record IsNull(String path) implements Condition {
        /** Checks the path. */
        public IsNull {
            requirePath(path, "isNull");
        }
    }

    /** All of the terms. */
    record And(List<Condition> terms) implements Condition {
        /** Checks and copies the terms. */
        public And {
            terms = requireTerms(terms, "and");
        }
    }

    /** Any of the terms. */
    record Or(List<Condition> terms) implements Condition {
        /** Checks and copies the terms. */
        public Or {
            terms = requireTerms(terms, "or");
        }
    }

    /** Not the term. */
    record Not(Condition term) implements Condition {
        /** Checks the term. */
        public Not {
            if (term == null) {
                throw new TenonException("not(null): the condition to negate is null");
            }
        }
    }

    private static void requirePath(String path, String call) {
        if (path == null) {
            throw new TenonException(call + "(null, ...): the attribute path is null; name an attribute, or a path through"
                    + " to-one relationships such as \"department.dname\"");
        }
    }

    private static List<Condition> requireTerms(List<Condition> terms, String call) {
        if (terms == null) {
            throw new TenonException(call + "(null): the conditions are null; pass one or more conditions");
        }
        int at = new ArrayList<>(terms).indexOf(null);
        if (at >= 0) {
            throw new TenonException(call + "(...): condition " + at + " is null; pass only conditions built with Condition's factories");
        }
        return List.copyOf(terms);
    }

    /** {@code path = value}. */
    static Condition eq(String path, Object value) {
        return new Compare(path, "=", value);
    }

    /** {@code path <> value}. */
    static Condition ne(String path, Object value) {
        return new Compare(path, "<>", value);
    }

    /** {@code path < value}. */
    static Condition lt(String path, Object value) {
        return new Compare(path, "<", value);
    }

    /** {@code path <= value}. */
    static Condition le(String path, Object value) {
        return new Compare(path, "<=", value);
    }

    /** {@code path > value}. */
    static Condition gt(String path, Object value) {
        return new Compare(path, ">", value);
    }

    /** {@code path >= value}. */
    static Condition ge(String path, Object value) {
        return new Compare(path, ">=", value);
    }

    /** {@code path IN (values)}. */
    static Condition in(String path, Object... values) {
        return new In(path, values == null ? null : java.util.Arrays.asList(values));
    }

    /** {@code path IN (values)}. */
    @SuppressWarnings("unchecked")
    static Condition in(String path, List<?> values) {
        return new In(path, (List<Object>) values);
    }

    /** {@code path LIKE pattern} ({@code %} and {@code _} wildcards). */
    static Condition like(String path, String pattern) {
        return new Like(path, pattern);
    }

    /** {@code path IS NULL}. */
    static Condition isNull(String path) {
        return new IsNull(path);
    }

    /** {@code path IS NOT NULL}. */
    static Condition isNotNull(String path) {
        requirePath(path, "isNotNull");
        return new Not(new IsNull(path));
    }

    /** All of the terms. */
    static Condition and(Condition... terms) {
        return new And(terms == null ? null : java.util.Arrays.asList(terms));
    }

    /** Any of the terms. */
    static Condition or(Condition... terms) {
        return new Or(terms == null ? null : java.util.Arrays.asList(terms));
    }

    /** Not the term. */
    static Condition not(Condition term) {
        return new Not(term);
    }
}
