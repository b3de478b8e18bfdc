package dev.tenon.session;

import dev.tenon.exception.TenonException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.Metadata;
import dev.tenon.metadata.ExactNumber;
import dev.tenon.query.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk UPDATE: one statement for every row its conditions match, whatever their number, returning how many it
 * changed. Made by {@link Session#update(Class)}:
 *
 * <pre>{@code
 * int raised = session.update(Emp.class).set("sal", new BigDecimal("1000")).where(eq("job", "CLERK")).execute();
 * // UPDATE scott.emp emp_1 SET sal = ? WHERE emp_1.job = ?
 * }</pre>
 *
 * The conditions are a query's ({@link Condition}); one through a relationship ({@code eq("department.loc", "DALLAS")})
 * matches the rows by their keys ({@code WHERE empno IN (SELECT emp_1.empno FROM ... JOIN ...)}). Pending changes are
 * flushed first; the objects the session holds are kept in step as {@link #synchronize(Synchronize)} says
 * ({@link Synchronize#AUTO} by default); a failure rolls the transaction back as a failed flush does. A value is always
 * bound, typed like its column; the key, the {@code @Version} (advanced by the statement itself) and, unless the objects
 * are not synchronized, a foreign key a relationship maps cannot be set. No cascade runs: it is the database's rows
 * that change, not the objects'.
 */
public final class BulkUpdate<T> {
    private final BulkWriter writer;
    private final EntityModel entity;
    private final Map<ColumnModel, Object> set = new LinkedHashMap<>();
    private final List<Condition> conditions = new ArrayList<>();
    private boolean everyRow;
    private Synchronize synchronize = Synchronize.AUTO;

    /** A bulk UPDATE of {@code type}'s rows; refuses a null type with the call to write instead. */
    static <T> BulkUpdate<T> of(BulkWriter writer, Metadata metadata, Class<T> type) {
        if (type == null) {
            throw new TenonException("session.update(null): name the entity class whose rows to update, e.g. session.update(Emp.class)");
        }
        return new BulkUpdate<>(writer, metadata.entity(type));
    }

    BulkUpdate(BulkWriter writer, EntityModel entity) {
        this.writer = writer;
        this.entity = entity;
    }

    /**
     * Sets a column attribute to a value (null for SQL NULL); a number of another type is converted when no digit is lost.
     *
     * @throws TenonException for an attribute that is not a column, the key or the version, or a value of another type
     */
    public BulkUpdate<T> set(String attribute, Object value) {
        ColumnModel column = attribute == null ? null : entity.column(attribute);
        String call = "session.update(" + entity.name() + ".class).set(\"" + attribute + "\", ...)";
        if (column == null) {
            throw new TenonException(call + ": " + entity.name() + " has no column attribute '" + attribute + "'"
                    + (attribute != null && entity.relationship(attribute) != null ? " (it is a relationship: set its foreign key)" : "")
                    + "; its columns are " + entity.columns().stream().map(ColumnModel::attribute).toList());
        }
        if (column.primaryKey() || column == entity.version()) {
            throw new TenonException(call + ": " + attribute + " is " + (column.primaryKey() ? "part of the primary key, which identifies"
                    + " the session's objects; a bulk update cannot change it" : "the @Version, which the update advances by itself"));
        }
        set.put(column, typed(call, column, value));
        return this;
    }

    /** ANDs conditions into the WHERE clause, as a query's. */
    public BulkUpdate<T> where(Condition... more) {
        if (more == null || Arrays.asList(more).contains(null)) {
            throw new TenonException("session.update(" + entity.name() + ".class).where(...): a condition is null; pass conditions built"
                    + " with Condition's factories");
        }
        conditions.addAll(Arrays.asList(more));
        return this;
    }

    /** Updates every row of the table: without it, an update with no condition is refused, as a likely mistake. */
    public BulkUpdate<T> everyRow() {
        everyRow = true;
        return this;
    }

    /** How the objects the session holds follow the change ({@link Synchronize#AUTO} unless set). */
    public BulkUpdate<T> synchronize(Synchronize how) {
        if (how == null) {
            throw new TenonException("synchronize(null): pass one of " + Arrays.toString(Synchronize.values()));
        }
        synchronize = how;
        return this;
    }

    /** Runs the UPDATE and returns how many rows it changed. */
    public int execute() {
        return writer.run(new BulkWriter.Spec(entity, false, set, conditions, everyRow, synchronize));
    }

    /** {@code value} as {@code column}'s Java type; the value stays out of messages, as row values do. */
    static Object typed(String call, ColumnModel column, Object value) {
        Class<?> type = column.type().javaType();
        Class<?> expected = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        if (value == null) {
            if (type.isPrimitive() || !column.nullable()) {
                throw new TenonException(call + ": " + column.attribute() + " cannot be NULL (" + column.name() + " is NOT NULL)");
            }
            return null;
        }
        if (expected.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(expected)) {
            Object fitted = ExactNumber.convert(number, expected);
            if (fitted != null) {
                return fitted;
            }
        }
        throw new TenonException(call + ": " + column.attribute() + " is a " + expected.getSimpleName() + ", but the value is a "
                + value.getClass().getSimpleName());
    }
}
