package dev.tenon.metadata;

import dev.tenon.annotation.AttributeConverter;
import dev.tenon.annotation.Convert;
import dev.tenon.annotation.Json;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The {@link ColumnType} of a mapped field: a converter's ({@link Convert}, {@link Json}), an array's, or one of the
 * basic types. Everything is checked here, at scan time: that a converter can be made and that its types fit the
 * field and a column, that Jackson is there for a JSON field, that an array's elements can be stored.
 */
final class FieldTypes {
    private static final String JACKSON = "com.fasterxml.jackson.databind.ObjectMapper";
    private static final String SUPPORTED = "int/Integer, long/Long, short/Short, boolean/Boolean, double/Double, "
            + "BigDecimal, String, LocalDate, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], an enum, a List or "
            + "array of strings or numbers, or any type through @Convert(converter = ...) or @Json";

    private FieldTypes() {
    }

    /** The field's column type, or null when it has none (the problem is recorded). */
    static ColumnType of(String where, Field field, List<String> problems) {
        Json json = field.getAnnotation(Json.class);
        Convert convert = field.getAnnotation(Convert.class);
        if (json != null && convert != null) {
            problems.add(where + ": both @Json and @Convert; keep one (@Json is itself a converter)");
            return null;
        }
        if (json != null) {
            return json(where, field, problems);
        }
        if (convert != null) {
            return converted(where, field, convert.converter(), problems);
        }
        int before = problems.size();
        ColumnType array = ArrayType.of(field, problem -> problems.add(where + ": " + problem));
        if (array != null || problems.size() > before) {
            return array;
        }
        ColumnType type = ColumnType.of(field.getType());
        if (type == null) {
            problems.add(where + ": type " + field.getType().getSimpleName() + " is not supported; use " + SUPPORTED);
        }
        return type;
    }

    private static ColumnType json(String where, Field field, List<String> problems) {
        if (!jacksonPresent()) {
            problems.add(where + ": @Json needs Jackson, which is not on the class path; add the dependency "
                    + "com.fasterxml.jackson.core:jackson-databind (2.x), an optional dependency of Tenon");
            return null;
        }
        return new ConvertedType(where, new JsonConverter(field.getGenericType()), field.getType(), JsonText.INSTANCE);
    }

    private static boolean jacksonPresent() {
        try {
            Class.forName(JACKSON, false, FieldTypes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("rawtypes")
    private static ColumnType converted(String where, Field field, Class<? extends AttributeConverter> type, List<String> problems) {
        String name = type.getSimpleName();
        Type[] arguments = typeArguments(type);
        if (arguments == null) {
            problems.add(where + ": cannot tell the types " + name + " converts; declare them where it implements "
                    + "AttributeConverter<A, D> (e.g. implements AttributeConverter<Money, BigDecimal>)");
            return null;
        }
        Class<?> attribute = erasure(arguments[0]);
        Class<?> column = erasure(arguments[1]);
        Class<?> fieldType = MethodType.methodType(field.getType()).wrap().returnType();
        int before = problems.size();
        if (!attribute.isAssignableFrom(fieldType)) {
            problems.add(where + ": " + name + " converts " + attribute.getSimpleName() + " values, but the field is "
                    + (field.getType().isArray() ? "an array" : "a " + field.getType().getSimpleName())
                    + "; use a converter of " + fieldType.getSimpleName() + " or change the field's type");
        }
        ColumnType database = column == null ? null : ColumnType.of(column);
        if (database == null) {
            problems.add(where + ": " + name + " converts to " + (column == null ? "an unknown type" : column.getSimpleName())
                    + ", which is not a column type; convert to one of " + SUPPORTED.substring(0, SUPPORTED.indexOf(", a List")));
        }
        AttributeConverter<?, ?> converter = instantiate(where, field, type, problems);
        return problems.size() == before ? new ConvertedType(where, converter, field.getType(), database) : null;
    }

    /**
     * The converter, through its constructor taking the field's generic type when it has one, else its no-argument
     * constructor.
     */
    @SuppressWarnings("rawtypes")
    private static AttributeConverter<?, ?> instantiate(String where, Field field, Class<? extends AttributeConverter> type,
                                                         List<String> problems) {
        try {
            Constructor<? extends AttributeConverter> constructor;
            Object[] arguments;
            try {
                constructor = type.getDeclaredConstructor(Type.class);
                arguments = new Object[] {field.getGenericType()};
            } catch (NoSuchMethodException e) {
                constructor = type.getDeclaredConstructor();
                arguments = new Object[0];
            }
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (NoSuchMethodException e) {
            problems.add(where + ": " + type.getSimpleName() + " has no no-argument constructor; add one (it may be private)");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(where + ": cannot instantiate " + type.getSimpleName() + " (" + cause.getClass().getSimpleName()
                    + "); make it a concrete class, static if nested, whose constructor succeeds");
        }
        return null;
    }

    /** The A and D of {@code AttributeConverter<A, D>} as {@code type} implements it, or null when not concrete. */
    private static Type[] typeArguments(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == AttributeConverter.class) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    return erasure(arguments[0]) == null || erasure(arguments[1]) == null ? null : arguments;
                }
            }
        }
        return null;
    }

    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : null;
    }
}
