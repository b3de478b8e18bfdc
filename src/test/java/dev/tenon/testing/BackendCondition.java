package dev.tenon.testing;

import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test whose {@link Backend} cannot be used here, before its {@code @BeforeEach} runs.
 *
 * <p>Why not only the assumption in {@link Backend#open}: JUnit runs {@code @AfterEach} even when
 * {@code @BeforeEach} aborted, so {@code db.close()} would meet a null {@code db}, and the resulting
 * NullPointerException turns the skip into an error. Skipping earlier keeps the fixture's
 * {@code @AfterEach void close() { db.close(); }} correct. When PostgreSQL is required ({@code CI=true}) the test
 * is left to run, and {@link Backend#open} fails it with the same message.
 *
 * <p>Registered for every test through {@code META-INF/services} and {@code junit-platform.properties}. It reads
 * the {@code Backend} field the {@code @ParameterizedClass} injected, which exists by the time JUnit evaluates
 * conditions on a test method.
 */
public final class BackendCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Object> instance = context.getTestInstance();
        if (instance.isEmpty() || PostgresServer.required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL required or no test instance yet");
        }
        for (Class<?> type = instance.get().getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Backend backend = field.getType() == Backend.class ? backend(field, instance.get()) : null;
                if (backend != null) {
                    Optional<String> unavailable = backend.unavailable();
                    if (unavailable.isPresent()) {
                        return ConditionEvaluationResult.disabled(unavailable.get());
                    }
                }
            }
        }
        return ConditionEvaluationResult.enabled("every backend of this test is available");
    }

    private static Backend backend(Field field, Object instance) {
        try {
            field.setAccessible(true);
            return (Backend) field.get(instance);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " to check its backend", e);
        }
    }
}
