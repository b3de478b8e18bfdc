package dev.tenon.session;

import dev.tenon.exception.IdentityException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import java.util.List;

/** The key an application passes to {@code session.get}, checked against the entity's primary key. */
final class KeyArgument {
    private KeyArgument() {
    }

    /** The key as the identity map holds it: the value of a single key, an immutable list of a composite key's parts. */
    static Object normalize(EntityModel entity, Object id) {
        int size = entity.primaryKey().size();
        if (id == null) {
            throw new IdentityException("get(" + entity.name() + ", null): a key is needed");
        }
        if (size == 1) {
            ColumnModel key = entity.primaryKey().get(0);
            Class<?> expected = wrap(key.type().javaType());
            if (id instanceof List<?>) {
                throw new IdentityException("get(" + entity.name() + ", " + id + "): " + entity.name() + " has a single key, "
                        + key.attribute() + " (" + expected.getSimpleName() + "); pass one value");
            }
            if (!expected.isInstance(id)) {
                throw new IdentityException("get(" + entity.name() + ", " + shown(id) + "): the key " + key.attribute() + " is "
                        + withArticle(expected) + ", not " + withArticle(id.getClass()));
            }
            return id;
        }
        if (!(id instanceof List<?> parts) || parts.size() != size) {
            throw new IdentityException("get(" + entity.name() + ", " + id + "): the key has " + size + " parts "
                    + entity.primaryKey().stream().map(c -> c.attribute()).toList() + "; pass them in that order");
        }
        return List.copyOf(parts);
    }

    private static String shown(Object id) {
        return id instanceof CharSequence ? "\"" + id + "\"" : String.valueOf(id);
    }

    private static String withArticle(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "boolean" -> Boolean.class;
            default -> Double.class;
        };
    }
}
