package dev.tenon.proxy;

import dev.tenon.TenonException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates, once per entity class, a subclass that stands for a not-yet-loaded to-one reference, and makes
 * instances of it. ByteBuddy writes the bytecode; every overridable method is routed to a handler that loads
 * the target through a {@link Loader} and calls the same method on it.
 */
public final class ReferenceProxies {
    private static final String HANDLER_FIELD = "tenon$handler";
    private static final ConcurrentMap<Class<?>, Factory> FACTORIES = new ConcurrentHashMap<>();

    /**
     * How to make instances of one generated class: its constructor and handler field, looked up once, since a
     * query may create a proxy for every row it reads.
     */
    private record Factory(Constructor<?> constructor, Field handler) {
        static Factory of(Class<?> type) {
            Class<?> proxyClass = generate(type);
            try {
                return new Factory(proxyClass.getDeclaredConstructor(), proxyClass.getDeclaredField(HANDLER_FIELD));
            } catch (NoSuchMethodException | NoSuchFieldException e) {
                throw new TenonException("Cannot create a lazy proxy of " + type.getSimpleName()
                        + ": give it a non-private no-argument constructor", e);
            }
        }
    }

    private ReferenceProxies() {
    }

    /** A proxy of {@code type} for the row with {@code key}, filled by {@code loader} on first use. */
    public static Object create(Class<?> type, Object key, Loader loader) {
        Factory factory = FACTORIES.computeIfAbsent(type, Factory::of);
        try {
            Object proxy = factory.constructor().newInstance();
            factory.handler().set(proxy, new Handler(key, loader));
            return proxy;
        } catch (ReflectiveOperationException e) {
            throw new TenonException("Cannot create a lazy proxy of " + type.getSimpleName()
                    + ": give it a non-private no-argument constructor", e);
        }
    }

    /** The object itself, or the loaded target of a proxy. */
    public static Object unproxy(Object object) {
        return object instanceof TenonProxy proxy ? proxy.tenon$target() : object;
    }

    private static Class<?> generate(Class<?> type) {
        try {
            return new ByteBuddy()
                    .subclass(type)
                    .implement(TenonProxy.class)
                    .defineField(HANDLER_FIELD, InvocationHandler.class, Visibility.PUBLIC)
                    .method(ElementMatchers.not(ElementMatchers.isDeclaredBy(Object.class))
                            .or(ElementMatchers.named("toString").or(ElementMatchers.named("hashCode")).or(ElementMatchers.named("equals")))
                            // The state of an enhanced entity (Tracked) is the proxy's own, not its target's.
                            .and(ElementMatchers.not(ElementMatchers.named("tenon$state").or(ElementMatchers.named("tenon$departure")))))
                    .intercept(InvocationHandlerAdapter.toField(HANDLER_FIELD))
                    .make()
                    .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(type, MethodHandles.lookup())))
                    .getLoaded();
        } catch (IllegalAccessException | RuntimeException e) {
            throw new TenonException("Cannot generate a lazy proxy of " + type.getName() + ": " + e.getMessage()
                    + " (a final class or a private constructor cannot be proxied)", e);
        }
    }

    /** Routes every call: the proxy's own three methods answer here, the entity's go to the loaded target. */
    private static final class Handler implements InvocationHandler {
        private final Object key;
        private Loader loader;
        private Object target;

        Handler(Object key, Loader loader) {
            this.key = key;
            this.loader = loader;
        }

        private Object target() {
            if (loader != null) {
                target = loader.load();
                loader = null;
            }
            return target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == TenonProxy.class) {
                return switch (method.getName()) {
                    case "tenon$key" -> key;
                    case "tenon$isLoaded" -> loader == null;
                    default -> target();
                };
            }
            Object real = target();
            if (real == null) {
                throw new TenonException("The row referenced by a lazy proxy (key " + key + ") no longer exists");
            }
            try {
                method.setAccessible(true);
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
