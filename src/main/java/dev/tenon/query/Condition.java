package dev.tenon.query;

import dev.tenon.exception.TenonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WHERE condition over attribute names, checked against the metadata when the query runs. A name may be a
 * path through to-one relationships ({@code "department.dname"}), which adds a LEFT OUTER JOIN once per path, shared
 * by every condition and order term on it. A path through a collection ({@code eq("employees.ename", "KING")} on
 * {@code Dept}) means <i>some</i> member: it is {@code any("employees", eq("ename", "KING"))}, an {@code EXISTS}
 * subquery, never a join that would repeat the parent once per member.
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

    /**
     * {@code EXISTS} (or, {@code negated}, {@code NOT EXISTS}) a row related through {@code path} matching all the
     * conditions, which name attributes of the related entity: {@link #any(String, Condition...)}, {@link #none}.
     * The path names relationships of any kind ({@code "employees"}, {@code "department"}, {@code "tags"},
     * {@code "employees.reports"}).
     */
    record Exists(String path, List<Condition> conditions, boolean negated) implements Condition {
        /** Checks the path and copies the conditions. */
        public Exists {
            requirePath(path, negated ? "none" : "any");
            conditions = requireTerms(conditions, negated ? "none" : "any");
        }
    }

    /**
     * {@code path IN (SELECT attribute FROM ... WHERE ...)}, or {@code NOT IN} when {@code negated}: see
     * {@link #in(String, Subquery)} and {@link #notIn(String, Subquery)}.
     */
    record InSubquery(String path, Subquery subquery, boolean negated) implements Condition {
        /** Checks the path and the subquery. */
        public InSubquery {
            requirePath(path, negated ? "notIn" : "in");
            if (subquery == null) {
                throw new TenonException((negated ? "notIn" : "in") + "(\"" + path + "\", null): the subquery is null; pass"
                        + " session.select(Entity.class).where(...).attribute(\"name\")");
            }
        }
    }

    /** {@code path BETWEEN low AND high}, both ends included. */
    record Between(String path, Object low, Object high) implements Condition {
        /** Checks the path and that both ends are given. */
        public Between {
            requirePath(path, "between");
            if (low == null || high == null) {
                throw new TenonException("between(\"" + path + "\", ...): the " + (low == null ? "low" : "high") + " end is null, and"
                        + " null matches nothing in SQL; for an open range use " + (low == null ? "le" : "ge") + "(\"" + path + "\", ...)");
            }
        }
    }

    /** {@code LOWER(path) = LOWER(value)}: equality that ignores case, the same on every database. */
    record EqIgnoreCase(String path, String value) implements Condition {
        /** Checks the path and the value. */
        public EqIgnoreCase {
            requirePath(path, "eqIgnoreCase");
            if (value == null) {
                throw new TenonException("eqIgnoreCase(\"" + path + "\", null): the value is null; use isNull(\"" + path + "\")");
            }
        }
    }

    /** {@code LOWER(path) LIKE LOWER(pattern)}: LIKE that ignores case, the same on every database. */
    record LikeIgnoreCase(String path, String pattern) implements Condition {
        /** Checks the path and the pattern. */
        public LikeIgnoreCase {
            requirePath(path, "likeIgnoreCase");
            if (pattern == null) {
                throw new TenonException("likeIgnoreCase(\"" + path + "\", null): the pattern is null; use isNull(\"" + path + "\")");
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

    /**
     * {@code path IS NULL}. Through a to-one path ({@code isNull("manager.comm")}) it is true when there is no related
     * row or its column is null, as the path is a LEFT OUTER JOIN. On a relationship itself ({@code isNull("manager")},
     * {@code isNull("employees")}) it is {@link #none(String, Condition...) none}: no related row.
     */
    static Condition isNull(String path) {
        return new IsNull(path);
    }

    /** {@code path IS NOT NULL}; on a relationship itself, {@link #any(String, Condition...) any} related row. */
    static Condition isNotNull(String path) {
        requirePath(path, "isNotNull");
        return new Not(new IsNull(path));
    }

    /**
     * {@code EXISTS} a row related through {@code path} that matches all the conditions (none: any related row), as a
     * correlated subquery: never a join, so each parent comes once. The conditions name attributes of the related
     * entity and may nest {@code any} in turn. Departments with a clerk:
     * <pre>{@code
     * session.select(Dept.class).where(any("employees", eq("job", "CLERK")))
     * // WHERE EXISTS (SELECT 1 FROM scott.emp emp_1 WHERE (emp_1.deptno = dept_1.deptno AND emp_1.job = ?))
     * }</pre>
     * Through a to-one relationship it asks whether the related row exists and matches
     * ({@code any("department", eq("loc", "DALLAS"))}); through a many-to-many one the subquery joins the association
     * table to the target.
     */
    static Condition any(String path, Condition... conditions) {
        return new Exists(path, conditions == null ? null : java.util.Arrays.asList(conditions), false);
    }

    /** {@code NOT EXISTS} a row related through {@code path} matching all the conditions (none: no related row at all). */
    static Condition none(String path, Condition... conditions) {
        return new Exists(path, conditions == null ? null : java.util.Arrays.asList(conditions), true);
    }

    /**
     * {@code path IN (SELECT ...)}: the value is among those a query of another (or the same) entity selects.
     * <pre>{@code
     * session.select(Dept.class).where(in("deptno", session.select(Emp.class).where(gt("sal", 2000)).attribute("deptno")))
     * }</pre>
     */
    static Condition in(String path, Subquery subquery) {
        return new InSubquery(path, subquery, false);
    }

    /**
     * {@code path NOT IN (SELECT ...)}. The subquery's nulls are left out ({@code AND attribute IS NOT NULL}): one null
     * would make SQL's {@code NOT IN} match no row at all. A row whose own value is null is not matched, as with
     * {@link #ne}.
     */
    static Condition notIn(String path, Subquery subquery) {
        return new InSubquery(path, subquery, true);
    }

    /** {@code path BETWEEN low AND high}, both ends included. */
    static Condition between(String path, Object low, Object high) {
        return new Between(path, low, high);
    }

    /** {@code LOWER(path) = LOWER(value)}. */
    static Condition eqIgnoreCase(String path, String value) {
        return new EqIgnoreCase(path, value);
    }

    /** {@code LOWER(path) LIKE LOWER(pattern)}: PostgreSQL's {@code ILIKE}, written so that H2 gives the same rows. */
    static Condition likeIgnoreCase(String path, String pattern) {
        return new LikeIgnoreCase(path, pattern);
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
