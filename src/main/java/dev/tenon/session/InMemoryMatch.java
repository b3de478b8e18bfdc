package dev.tenon.session;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.query.Condition;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bulk write's conditions evaluated in Java on the objects the session holds, to find those whose rows the statement
 * changes without asking the database (SQLAlchemy's {@code synchronize_session="evaluate"}). Only what Java evaluates
 * exactly as both databases do is taken: comparisons of the entity's own columns (numbers, dates and times, UUIDs;
 * strings, booleans and enums for equality only, since the database orders text by its collation and enums by name),
 * {@code IN}, {@code LIKE} (case-sensitive, backslash escapes), {@code IS NULL}, and AND/OR/NOT over them, with
 * SQL's three-valued logic (a comparison with NULL is unknown, and NOT unknown is unknown). Anything else (a path
 * through a relationship, another kind of condition) {@link #refusal refuses}, and the bulk write asks the database.
 */
final class InMemoryMatch {
    private final EntityModel entity;
    private final List<Condition> conditions;

    private InMemoryMatch(EntityModel entity, List<Condition> conditions) {
        this.entity = entity;
        this.conditions = conditions;
    }

    /** The evaluation of {@code conditions} (all of them), or null when {@link #refusal} refuses one. */
    static InMemoryMatch of(EntityModel entity, List<Condition> conditions) {
        for (Condition condition : conditions) {
            if (refusal(entity, condition) != null) {
                return null;
            }
        }
        return new InMemoryMatch(entity, List.copyOf(conditions));
    }

    /** Why {@code condition} cannot be evaluated in Java, or null when it can. */
    static String refusal(EntityModel entity, Condition condition) {
        if (condition instanceof Condition.Compare compare) {
            ColumnModel column = entity.column(compare.path());
            if (column == null) {
                return "'" + compare.path() + "' is not a column of " + entity.name();
            }
            boolean ordered = !compare.op().equals("=") && !compare.op().equals("<>");
            return ordered && !orderedInJava(column) ? "the database orders " + column.type().javaType().getSimpleName()
                    + " values its own way (" + compare.path() + " " + compare.op() + " ...)" : null;
        }
        if (condition instanceof Condition.In in) {
            return entity.column(in.path()) == null ? "'" + in.path() + "' is not a column of " + entity.name() : null;
        }
        if (condition instanceof Condition.Like like) {
            ColumnModel column = entity.column(like.path());
            return column == null || column.type().javaType() != String.class ? "'" + like.path() + "' is not a String column of "
                    + entity.name() : null;
        }
        if (condition instanceof Condition.IsNull isNull) {
            return entity.column(isNull.path()) == null ? "'" + isNull.path() + "' is not a column of " + entity.name() : null;
        }
        if (condition instanceof Condition.And and) {
            return firstRefusal(entity, and.terms());
        }
        if (condition instanceof Condition.Or or) {
            return firstRefusal(entity, or.terms());
        }
        if (condition instanceof Condition.Not not) {
            return refusal(entity, not.term());
        }
        return condition.getClass().getSimpleName() + " conditions are evaluated by the database only";
    }

    private static String firstRefusal(EntityModel entity, List<Condition> terms) {
        for (Condition term : terms) {
            String refusal = refusal(entity, term);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean orderedInJava(ColumnModel column) {
        Class<?> type = column.type().javaType();
        return type.isPrimitive() ? type != boolean.class && type != char.class
                : Number.class.isAssignableFrom(type) || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.time.LocalDate.class || type == java.util.UUID.class;
    }

    /** Whether the object's row matches every condition (unknown is no match, as in a WHERE clause). */
    boolean matches(Object object) {
        for (Condition condition : conditions) {
            if (!Boolean.TRUE.equals(evaluate(condition, object))) {
                return false;
            }
        }
        return true;
    }

    /** TRUE, FALSE, or null for SQL's unknown. */
    private Boolean evaluate(Condition condition, Object object) {
        if (condition instanceof Condition.Compare compare) {
            Integer order = compare(entity.column(compare.path()).get(object), compare.value());
            if (order == null) {
                return null;
            }
            return switch (compare.op()) {
                case "=" -> order == 0;
                case "<>" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
        if (condition instanceof Condition.In in) {
            Object value = entity.column(in.path()).get(object);
            if (value == null) {
                return null;
            }
            for (Object candidate : in.values()) {
                Integer order = compare(value, candidate);
                if (order != null && order == 0) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Condition.Like like) {
            Object value = entity.column(like.path()).get(object);
            return value == null ? null : likePattern(like.pattern()).matcher((String) value).matches();
        }
        if (condition instanceof Condition.IsNull isNull) {
            return entity.column(isNull.path()).get(object) == null;
        }
        if (condition instanceof Condition.Not not) {
            Boolean term = evaluate(not.term(), object);
            return term == null ? null : !term;
        }
        boolean and = condition instanceof Condition.And;
        List<Condition> terms = and ? ((Condition.And) condition).terms() : ((Condition.Or) condition).terms();
        Boolean result = and;
        for (Condition term : terms) {
            Boolean value = evaluate(term, object);
            if (value == null) {
                result = null;
            } else if (value != and) {
                return value;       // FALSE decides an AND, TRUE an OR, whatever else is unknown
            }
        }
        return result;
    }

    /** How a column's value compares with a condition's: numbers by value, whatever their classes; null when unknown. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Integer compare(Object value, Object other) {
        if (value == null || other == null) {
            return null;
        }
        if (value instanceof Number a && other instanceof Number b) {
            return decimal(a).compareTo(decimal(b));
        }
        if (value instanceof java.time.OffsetDateTime a && other instanceof java.time.OffsetDateTime b) {
            return a.toInstant().compareTo(b.toInstant());      // as timestamptz compares: the instant, not the offset
        }
        if (value instanceof Enum<?> e && other instanceof String name) {
            return e.name().equals(name) ? 0 : 1;
        }
        if (value instanceof Comparable comparable && value.getClass() == other.getClass()) {
            return comparable.compareTo(other);
        }
        return value.equals(other) ? 0 : 1;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal
                : number instanceof Double || number instanceof Float ? new BigDecimal(number.doubleValue()) : new BigDecimal(number.toString());
    }

    /** A LIKE pattern as a regular expression: {@code %} any text, {@code _} one character, a backslash escapes. */
    static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
