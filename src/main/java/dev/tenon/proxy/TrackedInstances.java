package dev.tenon.proxy;

import dev.tenon.TenonException;
import dev.tenon.identity.Tracked;
import dev.tenon.metadata.EntityModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.NamingStrategy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Makes the objects of loaded rows: instances of a subclass of the entity, generated once per class, that adds two
 * fields and implements {@link Tracked}. Nothing else changes (no method is overridden), so a loaded {@code Emp}
 * behaves as one in every respect but {@code getClass()}; compare entities with {@code instanceof}, as with any
 * ORM's proxies. An enhanced entity (see {@code dev.tenon.enhance}) implements {@link Tracked} itself and is
 * instantiated as it is; this subclass is for the others, until the scan refuses them. A class that cannot be
 * subclassed (final, or without a non-private no-argument constructor) is instantiated as it is, and its objects are
 * kept in maps instead, like the objects the application creates.
 */
public final class TrackedInstances {
    private static final String STATE = "tenon$state";
    private static final String DEPARTURE = "tenon$departure";

    /** The constructor of each entity's generated subclass, or null when the class cannot be subclassed. */
    private static final ClassValue<Maker> MAKERS = new ClassValue<>() {
        @Override
        protected Maker computeValue(Class<?> type) {
            return new Maker(constructorOf(type));
        }
    };

    private record Maker(MethodHandle constructor) {
    }

    private TrackedInstances() {
    }

    /** A new, empty object for a row of {@code entity}. */
    public static Object newInstance(EntityModel entity) {
        MethodHandle constructor = MAKERS.get(entity.type()).constructor();
        if (constructor == null) {
            return entity.newInstance();
        }
        try {
            return (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new TenonException("Cannot instantiate " + entity.type().getName(), e);
        }
    }

    private static MethodHandle constructorOf(Class<?> type) {
        if (Tracked.class.isAssignableFrom(type)) {
            // Enhanced: the entity carries the fields itself, and is instantiated as it is.
            return null;
        }
        try {
            Class<?> tracked = new ByteBuddy()
                    .with(new NamingStrategy.SuffixingRandom("Tenon"))
                    .subclass(type, ConstructorStrategy.Default.IMITATE_SUPER_CLASS)
                    .implement(Tracked.class)
                    .defineField(STATE, Object.class, Visibility.PRIVATE)
                    .defineField(DEPARTURE, Object.class, Visibility.PRIVATE)
                    .method(ElementMatchers.named(STATE).and(ElementMatchers.isDeclaredBy(Tracked.class)))
                    .intercept(FieldAccessor.ofField(STATE))
                    .method(ElementMatchers.named(DEPARTURE).and(ElementMatchers.isDeclaredBy(Tracked.class)))
                    .intercept(FieldAccessor.ofField(DEPARTURE))
                    .make()
                    .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(type, MethodHandles.lookup())))
                    .getLoaded();
            return MethodHandles.privateLookupIn(tracked, MethodHandles.lookup())
                    .findConstructor(tracked, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Final, sealed, or no visible no-argument constructor: loaded as the class itself.
            return null;
        }
    }
}
