package dev.tenon.enhance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Enhanced;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import dev.tenon.identity.Tracked;
import dev.tenon.metadata.Metadata;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

/**
 * A mapped class the build did not enhance: one written at run time here, since every class compiled with the tests
 * goes through the build's enhancer. The scan refuses it with the fix; the same class through the plugin is accepted.
 */
class UnenhancedClassTest {
    @Test
    void theScanRefusesAnUnenhancedEntityAndShowsBothFixes() {
        Class<?> plain = load(gadget("Plain").make());

        assertThatThrownBy(() -> Metadata.of(plain))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("dev.tenon.enhance.generated.Plain is mapped but not enhanced")
                .hasMessageContaining("<artifactId>byte-buddy-maven-plugin</artifactId>")
                .hasMessageContaining("<classPathDiscovery>true</classPathDiscovery>")
                .hasMessageContaining("-javaagent:path/to/tenon.jar");
    }

    @Test
    void thePluginEnhancesAClassAndTheScanThenAcceptsIt() {
        DynamicType.Unloaded<?> generated = gadget("Treated").make();
        TypeDescription type = generated.getTypeDescription();
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(generated.getAllTypes()),
                ClassFileLocator.ForClassLoader.of(UnenhancedClassTest.class.getClassLoader()));
        TenonPlugin plugin = new TenonPlugin();

        assertThat(plugin.matches(type)).isTrue();
        Class<?> treated = load(plugin.apply(new ByteBuddy().redefine(type, locator), type, locator).make());

        assertThat(treated).hasAnnotation(Enhanced.class);
        assertThat(Tracked.class).isAssignableFrom(treated);
        assertThat(Metadata.of(treated).entity(treated).type()).isEqualTo(treated);
    }

    private static DynamicType.Builder<?> gadget(String name) {
        return new ByteBuddy().subclass(Object.class).name("dev.tenon.enhance.generated." + name)
                .annotateType(AnnotationDescription.Builder.ofType(Table.class).define("name", name.toLowerCase()).build())
                .defineField("id", Long.class, Visibility.PUBLIC)
                .annotateField(AnnotationDescription.Builder.ofType(Id.class).build())
                .defineField("label", String.class, Visibility.PUBLIC)
                .annotateField(AnnotationDescription.Builder.ofType(Column.class).build());
    }

    private static Class<?> load(DynamicType.Unloaded<?> type) {
        return type.load(UnenhancedClassTest.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
    }
}
