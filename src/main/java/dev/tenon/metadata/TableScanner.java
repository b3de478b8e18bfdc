package dev.tenon.metadata;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Index;
import dev.tenon.annotation.MappedSuperclass;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Unique;
import dev.tenon.annotation.Version;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * First pass of the scan: one class into its {@link EntityModel} and {@link TableModel}, columns and
 * indexes only. Foreign keys and relationships need every table and come in later passes. Problems are
 * collected, not thrown, so that one scan reports them all.
 */
final class TableScanner {
    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class);
    /** The types a {@link Version} field may have: a counter, or a timestamp. */
    private static final Set<Class<?>> VERSIONS = Set.of(int.class, Integer.class, long.class, Long.class, short.class,
            Short.class, Instant.class, OffsetDateTime.class, LocalDateTime.class);

    private final List<String> problems;

    TableScanner(List<String> problems) {
        this.problems = problems;
    }

    /** The entity for {@code type}, or null when the class is too broken to model (its problems are recorded). */
    EntityModel scan(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        String where = type.getSimpleName();
        if (table == null) {
            problems.add(where + (type.isAnnotationPresent(MappedSuperclass.class)
                    ? ": a @MappedSuperclass has no table of its own; map the entities that extend it"
                    : ": not an entity; annotate it with @Table(name = ...)"));
            return null;
        }
        MethodHandle constructor = constructor(type);
        int before = problems.size();
        MappedFields.check(type, problems);
        boolean inheritanceRefused = problems.size() > before;
        List<Field> fields = MappedFields.of(type);
        List<ColumnModel> columns = new ArrayList<>();
        for (Field field : fields) {
            if (field.isAnnotationPresent(Column.class) || field.isAnnotationPresent(Id.class)
                    || field.isAnnotationPresent(Version.class)) {
                ColumnModel column = column(type, field);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        if (countIds(type) == 0 && !inheritanceRefused) {
            problems.add(where + ": no primary key; mark the key field(s) with @Id");
        }
        checkLength(where, "table", table.name(), "@Table(name = ...)");
        checkLength(where, "schema", table.schema(), "@Table(schema = ...)");
        List<IndexModel> indexes = indexes(type, fields, table.name(), columns);
        ColumnModel version = version(type, columns);
        if (constructor == null || columns.isEmpty()) {
            return null;
        }
        String schema = table.schema().isEmpty() ? null : table.schema();
        return new EntityModel(type, new TableModel(schema, table.name(), columns, indexes), constructor, version);
    }

    private MethodHandle constructor(Class<?> type) {
        String where = type.getSimpleName();
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add(where + ": a non-static inner class cannot be instantiated from a row; declare it 'static'");
            return null;
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            problems.add(where + ": an abstract class or interface cannot be instantiated; map a concrete class");
            return null;
        }
        try {
            Constructor<?> noArgs = type.getDeclaredConstructor();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.unreflectConstructor(noArgs).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            problems.add(where + ": no no-argument constructor; add one (it may be private)");
        } catch (IllegalAccessException e) {
            problems.add(where + ": constructor not accessible (" + e.getMessage() + "); open its package to Tenon");
        }
        return null;
    }

    private ColumnModel column(Class<?> owner, Field field) {
        String where = owner.getSimpleName() + "." + field.getName();
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
            problems.add(where + ": a mapped field cannot be static or final; remove the modifier");
            return null;
        }
        ColumnType type = FieldTypes.of(where, field, problems);
        if (type == null) {
            return null;
        }
        Column column = field.getAnnotation(Column.class);
        Id id = field.getAnnotation(Id.class);
        boolean primaryKey = id != null;
        String name = column == null || column.name().isEmpty() ? field.getName() : column.name();
        checkLength(where, "column", name, "@Column(name = ...)");
        boolean identity = primaryKey && id.generation() != Generation.ASSIGNED && INTEGRAL.contains(field.getType())
                && countIds(owner) == 1;
        if (primaryKey && id.generation() == Generation.IDENTITY && !identity) {
            problems.add(where + ": IDENTITY needs a single integral key (int, long, short); use Generation.ASSIGNED");
        }
        // A version is always set by Tenon, and a NULL one would match no WHERE "version = ?": the column is NOT NULL.
        boolean nullable = !primaryKey && !field.getType().isPrimitive() && !field.isAnnotationPresent(Version.class)
                && (column == null || column.nullable());
        if (column == null) {
            return new ColumnModel(name, field.getName(), type, 0, 0, 0, nullable, false, primaryKey, identity, null, null, false,
                    null, null, Accessor.of(field));
        }
        if (column.length() < 0 || column.precision() < 0 || column.scale() < 0 || (column.precision() > 0 && column.scale() > column.precision())) {
            problems.add(where + ": length, precision and scale must be positive, and scale at most precision");
        }
        return new ColumnModel(name, field.getName(), type, column.length(), column.precision(), column.scale(), nullable,
                column.unique(), primaryKey, identity, ServerDefault.parse(column.serverDefault()), onUpdate(where, column, primaryKey),
                !column.serverOnUpdate().isBlank(),
                supplier(where, column.insertDefault()), supplier(where, column.updateValue()), Accessor.of(field));
    }

    /**
     * The entity's {@link Version} column, or null when it has none or its mapping is refused: at most one, not the key,
     * of a counter or timestamp type, and set by Tenon alone, since a value the database or a supplier chose would not
     * be the one the flush checks in its next WHERE clause.
     */
    private ColumnModel version(Class<?> type, List<ColumnModel> columns) {
        List<ColumnModel> versions = columns.stream().filter(c -> c.field().isAnnotationPresent(Version.class)).toList();
        if (versions.size() > 1) {
            problems.add(type.getSimpleName() + ": more than one @Version field "
                    + versions.stream().map(ColumnModel::attribute).toList() + "; a row has one version: keep @Version on one of them");
            return null;
        }
        if (versions.isEmpty()) {
            return null;
        }
        ColumnModel version = versions.get(0);
        String where = type.getSimpleName() + "." + version.attribute();
        Column column = version.field().getAnnotation(Column.class);
        int before = problems.size();
        if (version.primaryKey()) {
            problems.add(where + ": @Version on the primary key; a key never changes, a version changes at each update: "
                    + "map the version as a column of its own");
        } else if (!VERSIONS.contains(version.field().getType())) {
            problems.add(where + ": @Version on a " + version.field().getType().getSimpleName() + "; use int/Integer, "
                    + "long/Long or short/Short for a counter, or Instant, OffsetDateTime or LocalDateTime for a timestamp");
        } else if (column != null) {
            for (String set : List.of(column.serverDefault().isBlank() ? "" : "serverDefault",
                    column.serverOnUpdate().isBlank() ? "" : "serverOnUpdate",
                    column.insertDefault() == Column.NoValue.class ? "" : "insertDefault",
                    column.updateValue() == Column.NoValue.class ? "" : "updateValue")) {
                if (!set.isEmpty()) {
                    problems.add(where + ": @Version with @Column(" + set + " = ...); Tenon sets the version itself "
                            + "(at insert, then at each update) to check it in the next WHERE clause: remove " + set);
                }
            }
        }
        return problems.size() == before ? version : null;
    }

    /** The value of {@code serverOnUpdate} for the DDL: null when empty or {@link Column#FETCHED}. */
    private ServerDefault onUpdate(String where, Column column, boolean primaryKey) {
        if (primaryKey && !column.serverOnUpdate().isBlank()) {
            problems.add(where + ": a primary key cannot change on update; remove serverOnUpdate");
        }
        return column.serverOnUpdate().equals(Column.FETCHED) ? null : ServerDefault.parse(column.serverOnUpdate());
    }

    private void checkLength(String where, String what, String name, String fix) {
        String problem = NameLimit.check(where, what, name, fix);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static long countIds(Class<?> owner) {
        return MappedFields.of(owner).stream().filter(f -> f.isAnnotationPresent(Id.class)).count();
    }

    private Supplier<?> supplier(String where, Class<? extends Supplier<?>> type) {
        if (type == Column.NoValue.class) {
            return null;
        }
        try {
            Constructor<? extends Supplier<?>> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(where + ": cannot instantiate " + type.getSimpleName() + " (" + e
                    + "); give it a no-argument constructor");
            return null;
        }
    }

    private List<IndexModel> indexes(Class<?> type, List<Field> fields, String table, List<ColumnModel> columns) {
        List<IndexModel> indexes = new ArrayList<>();
        for (ColumnModel column : columns) {
            if (column.unique()) {
                indexes.add(new IndexModel("uq_" + table + "_" + column.name(), List.of(column.name()), true, true));
            }
        }
        for (Field field : fields) {
            Column column = field.getAnnotation(Column.class);
            if (column != null && column.index()) {
                String name = column.name().isEmpty() ? field.getName() : column.name();
                indexes.add(new IndexModel("ix_" + table + "_" + name, List.of(name), false, false));
            }
        }
        for (Index index : type.getAnnotationsByType(Index.class)) {
            checkLength(type.getSimpleName(), "index", index.name(), "@Index(name = ...)");
            String name = index.name().isEmpty() ? "ix_" + table + "_" + String.join("_", index.columns()) : index.name();
            indexes.add(checked(type, new IndexModel(name, List.of(index.columns()), index.unique(), false), columns));
        }
        for (Unique unique : type.getAnnotationsByType(Unique.class)) {
            checkLength(type.getSimpleName(), "constraint", unique.name(), "@Unique(name = ...)");
            String name = unique.name().isEmpty() ? "uq_" + table + "_" + String.join("_", unique.columns()) : unique.name();
            indexes.add(checked(type, new IndexModel(name, List.of(unique.columns()), true, true), columns));
        }
        return indexes;
    }

    private IndexModel checked(Class<?> type, IndexModel index, List<ColumnModel> columns) {
        List<String> known = columns.stream().map(ColumnModel::name).toList();
        if (index.columns().isEmpty()) {
            problems.add(type.getSimpleName() + ": index " + index.name() + " names no columns");
        }
        for (String column : index.columns()) {
            if (!known.contains(column)) {
                problems.add(type.getSimpleName() + ": index " + index.name() + " names unknown column '" + column
                        + "'; columns are " + known);
            }
        }
        return index;
    }
}
