package dev.tenon.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.identity.Tracked;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the enhanced bytecode calls, observed on the build's own output: the fixture classes are loaded again by a
 * {@link RecordingLoader}, where {@code Attributes} records its calls. Everything goes through reflection, since
 * those classes are not the ones this test was compiled against.
 */
class RewrittenAccessTest {
    private static final String FIXTURE = "dev.tenon.enhance.fixture.";

    private final RecordingLoader loader = new RecordingLoader();

    @BeforeEach
    void forgetEarlierCalls() {
        AttributeCalls.LOG.clear();
    }

    @Test
    void aColumnWrittenFromAnotherClassIsReportedOnlyOnceTheObjectHasAState() throws Exception {
        Object invoice = make("Invoice");

        call("Clerk", "reprice", invoice, 10.0);
        assertThat(AttributeCalls.LOG).isEmpty();

        ((Tracked) invoice).tenon$state(new Object());
        call("Clerk", "reprice", invoice, 12.5);

        assertThat(AttributeCalls.LOG).containsExactly("changed amount 10.0 (Double)");
        assertThat(field(invoice, "amount")).isEqualTo(12.5);
    }

    @Test
    void columnsOfEveryWidthReportTheirOldValueBoxed() throws Exception {
        Object invoice = make("Invoice");
        ((Tracked) invoice).tenon$state(new Object());

        call("Clerk", "renumber", invoice, 7L);
        call("Clerk", "count", invoice, 3);
        call("Invoice$Payment", "settle", invoice);

        assertThat(AttributeCalls.LOG).containsExactly("changed id 0 (Long)", "changed lines 0 (Integer)",
                "changed paid false (Boolean)");
        assertThat(field(invoice, "id")).isEqualTo(7L);
        assertThat(field(invoice, "paid")).isEqualTo(true);
    }

    @Test
    void aRelationshipReadInALambdaOrANestedClassGoesThroughAttributes() throws Exception {
        Object invoice = make("Invoice");
        Object customer = make("Customer");
        call("Clerk", "assign", invoice, customer);
        AttributeCalls.LOG.clear();

        assertThat(call("Clerk", "customerInLambda", invoice)).isSameAs(customer);
        assertThat(call("Clerk", "customerInNestedClass", invoice)).isSameAs(customer);

        assertThat(AttributeCalls.LOG).containsExactly("read customer", "read customer");
    }

    @Test
    void aMethodMarkedRawFieldAccessIsLeftAsWritten() throws Exception {
        Object invoice = make("Invoice");
        Object customer = make("Customer");
        ((Tracked) invoice).tenon$state(new Object());

        call("Clerk", "assignRaw", invoice, customer);

        assertThat(AttributeCalls.LOG).isEmpty();
        assertThat(field(invoice, "customer")).isSameAs(customer);
    }

    @Test
    void aRelationshipWriteGoesThroughAttributesWithTheOldValue() throws Exception {
        Object invoice = make("Invoice");
        Object customer = make("Customer");

        call("Clerk", "assign", invoice, customer);
        call("Clerk", "assign", invoice, null);

        assertThat(AttributeCalls.LOG).containsExactly("write customer null -> Customer null",
                "write customer Customer null -> null");
    }

    @Test
    void aConstructorWritesItsOwnFieldsPlainly() throws Exception {
        Object customer = make("Customer");

        Object invoice = loader.loadClass(FIXTURE + "Invoice").getConstructor(long.class, customer.getClass())
                .newInstance(5L, customer);

        assertThat(AttributeCalls.LOG).isEmpty();
        assertThat(field(invoice, "customer")).isSameAs(customer);
    }

    @Test
    void aFieldNamedThroughASubclassIsWrittenThroughTheAccessorsOfItsDeclaringClass() throws Exception {
        Object company = make("Company");
        ((Tracked) company).tenon$state(new Object());

        call("Clerk", "rename", company, "Acme");

        assertThat(AttributeCalls.LOG).containsExactly("changed name null");
        assertThat(field(company, "name")).isEqualTo("Acme");
    }

    private Object make(String name) throws ReflectiveOperationException {
        return loader.loadClass(FIXTURE + name).getConstructor().newInstance();
    }

    private Object call(String type, String name, Object... arguments) throws Exception {
        Method method = Arrays.stream(loader.loadClass(FIXTURE + type).getMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException inSuperclass) {
                // Declared higher up.
            }
        }
        throw new NoSuchFieldException(name);
    }
}
