package dev.tenon.metadata;

import dev.tenon.exception.TenonException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Reads and writes one field of an entity through method handles prepared once at scan time, so
 * hydrating a row costs a direct handle call per column instead of a reflective lookup.
 */
public final class Accessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Field field;
    private final MethodHandle getter;
    private final MethodHandle setter;

    private Accessor(Field field, MethodHandle getter, MethodHandle setter) {
        this.field = field;
        this.getter = getter;
        this.setter = setter;
    }

    /** Prepares the handles for {@code field}; the field may be private. */
    static Accessor of(Field field) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            return new Accessor(field, lookup.unreflectGetter(field).asType(GETTER), lookup.unreflectSetter(field).asType(SETTER));
        } catch (IllegalAccessException e) {
            throw new TenonException("Cannot access field " + field + ": open its package to Tenon", e);
        }
    }

    /** The field's value on {@code target}. */
    public Object get(Object target) {
        try {
            return getter.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new TenonException("Cannot read " + field, e);
        }
    }

    /**
     * Sets the field on {@code target}. A null into a primitive field is refused with a message naming
     * the field, rather than the handle's bare NullPointerException.
     */
    public void set(Object target, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            throw new TenonException("Cannot set NULL into primitive field " + field.getDeclaringClass().getSimpleName()
                    + "." + field.getName() + ": declare it with its wrapper type (e.g. Integer) if the column may be NULL");
        }
        try {
            setter.invokeExact(target, value);
        } catch (ClassCastException e) {
            throw new TenonException("Cannot set " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " (" + field.getType().getSimpleName() + ") to a " + value.getClass().getSimpleName(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new TenonException("Cannot write " + field, e);
        }
    }

    /** The field behind this accessor. */
    public Field field() {
        return field;
    }
}
