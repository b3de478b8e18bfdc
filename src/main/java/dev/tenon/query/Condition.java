package dev.tenon.query;

import java.util.Arrays;
import java.util.List;

/**
 * A WHERE condition over attribute names, checked against the metadata when the query runs. A name may be a
 * path through to-one relationships ({@code "department.dname"}), which implies a join.
 *
 * <pre>{@code
 * session.select(Emp.class).where(and(eq("job", "CLERK"), gt("sal", 1000), eq("department.loc", "DALLAS")))
 * }</pre>
 */
public sealed interface Condition {
    /** {@code path op value}; a null value with {@code =} is an error: use {@link #isNull(String)}. */
    record Compare(String path, String op, Object value) implements Condition {
        private static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=");

        /** Checks the operator: it is written into the SQL as it is. */
        public Compare {
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("Unknown comparison '" + op + "' on '" + path + "'; use one of " + OPERATORS);
            }
        }
    }

    /** {@code path IN (values)}. */
    record In(String path, List<Object> values) implements Condition {
    }

    /** {@code path LIKE pattern}. */
    record Like(String path, String pattern) implements Condition {
    }

    /** {@code path IS NULL}. */
    record IsNull(String path) implements Condition {
    }

    /** All of the terms. */
    record And(List<Condition> terms) implements Condition {
    }

    /** Any of the terms. */
    record Or(List<Condition> terms) implements Condition {
    }

    /** Not the term. */
    record Not(Condition term) implements Condition {
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
        return new In(path, Arrays.asList(values));
    }

    /** {@code path IN (values)}. */
    static Condition in(String path, List<?> values) {
        return new In(path, List.copyOf(values));
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
        return new Not(new IsNull(path));
    }

    /** All of the terms. */
    static Condition and(Condition... terms) {
        return new And(List.of(terms));
    }

    /** Any of the terms. */
    static Condition or(Condition... terms) {
        return new Or(List.of(terms));
    }

    /** Not the term. */
    static Condition not(Condition term) {
        return new Not(term);
    }
}
