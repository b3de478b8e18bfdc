package dev.tenon.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Enhanced;
import dev.tenon.enhance.fixture.Clerk;
import dev.tenon.enhance.fixture.Company;
import dev.tenon.enhance.fixture.Customer;
import dev.tenon.enhance.fixture.Invoice;
import dev.tenon.enhance.fixture.Party;
import dev.tenon.identity.Tracked;
import dev.tenon.metadata.Metadata;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

/** What the build's enhancement makes of the entities of {@code dev.tenon.enhance.fixture}, seen by reflection. */
class EnhancedEntityTest {
    @Test
    void anEnhancedEntityCarriesTheMarkerAndItsStateAndStaysFinal() {
        assertThat(Invoice.class).hasAnnotation(Enhanced.class);
        assertThat(Tracked.class).isAssignableFrom(Invoice.class);
        assertThat(Modifier.isFinal(Invoice.class.getModifiers())).isTrue();
        assertThat(fieldNames(Invoice.class)).contains("tenon$state", "tenon$departure");
    }

    @Test
    void theStateOfAnEnhancedObjectIsReadAndWrittenThroughTracked() {
        Invoice invoice = new Invoice();
        Tracked tracked = (Tracked) (Object) invoice;
        Object state = new Object();

        tracked.tenon$state(state);
        tracked.tenon$departure("gone");

        assertThat(tracked.tenon$state()).isSameAs(state);
        assertThat(tracked.tenon$departure()).isEqualTo("gone");
    }

    @Test
    void aClassThatTouchesEntitiesIsNotAnEntity() {
        assertThat(Clerk.class.isAnnotationPresent(Enhanced.class)).isFalse();
        assertThat(Tracked.class.isAssignableFrom(Clerk.class)).isFalse();
    }

    @Test
    void onlyTheRootOfAHierarchyCarriesTheStateAndEachClassHasAccessorsForItsOwnFields() {
        assertThat(fieldNames(Party.class)).contains("tenon$state");
        assertThat(fieldNames(Company.class)).doesNotContain("tenon$state", "tenon$departure");
        assertThat(Tracked.class).isAssignableFrom(Company.class);
        assertThat(Arrays.asList(Company.class.getInterfaces())).doesNotContain(Tracked.class);
        assertThat(Company.class).hasAnnotation(Enhanced.class);
        assertThat(methodNames(Party.class)).contains("tenon$set$id", "tenon$set$name");
        assertThat(methodNames(Company.class)).contains("tenon$set$vat").doesNotContain("tenon$set$name");
    }

    @Test
    void accessorsAreStaticSyntheticAndAsVisibleAsTheirField() throws NoSuchMethodException {
        Method paid = Invoice.class.getDeclaredMethod("tenon$set$paid", Invoice.class, boolean.class);
        Method amount = Invoice.class.getDeclaredMethod("tenon$set$amount", Invoice.class, double.class);
        Method customer = Invoice.class.getDeclaredMethod("tenon$get$customer", Invoice.class);

        assertThat(Modifier.isPrivate(paid.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(amount.getModifiers())).isTrue();
        assertThat(Modifier.isStatic(customer.getModifiers()) && customer.isSynthetic()).isTrue();
        assertThat(customer.getReturnType()).isEqualTo(Customer.class);
    }

    @Test
    void columnsHaveNoGetterRelationshipsHaveBoth() {
        assertThat(methodNames(Invoice.class)).contains("tenon$get$customer", "tenon$set$customer", "tenon$set$note")
                .doesNotContain("tenon$get$note", "tenon$get$amount");
        assertThat(methodNames(Customer.class)).contains("tenon$get$invoices", "tenon$set$invoices");
    }

    @Test
    void tenonMakesAnEnhancedEntityAsItsOwnClass() {
        Metadata metadata = Metadata.of(Invoice.class, Customer.class);

        Object made = metadata.entity(Invoice.class).newInstance();

        assertThat(made.getClass()).isEqualTo(Invoice.class);
    }

    @Test
    void theEnhancerLeavesAnEnhancedClassAlone() {
        TenonPlugin plugin = new TenonPlugin();

        assertThat(plugin.matches(TypeDescription.ForLoadedType.of(Invoice.class))).isFalse();
        assertThat(plugin.matches(TypeDescription.ForLoadedType.of(Clerk.class))).isTrue();
    }

    private static java.util.List<String> fieldNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    private static java.util.List<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).toList();
    }
}
