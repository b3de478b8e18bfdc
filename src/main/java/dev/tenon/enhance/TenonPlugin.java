package dev.tenon.enhance;

import java.util.function.Predicate;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Tenon's enhancer as a Byte Buddy build plugin: the build rewrites the compiled classes once, before they are
 * packaged or tested. Found by the Byte Buddy Maven and Gradle plugins through
 * {@code META-INF/net.bytebuddy/build.plugins}:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>net.bytebuddy</groupId>
 *   <artifactId>byte-buddy-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>transform</goal></goals></execution></executions>
 *   <configuration><classPathDiscovery>true</classPathDiscovery></configuration>
 * </plugin>
 * }</pre>
 *
 * Every class is processed, since any class may read or write an entity's fields; a class already enhanced needs
 * nothing, its accesses having been rewritten with it.
 */
public final class TenonPlugin implements Plugin {
    private final Predicate<String> enhancedClasses;

    /** The build's plugin: every entity it sees is enhanced, so every access to a mapped field is rewritten. */
    public TenonPlugin() {
        this(name -> true);
    }

    /** @param enhancedClasses by binary name, the classes whose fields have accessors (or will, once loaded) */
    TenonPlugin(Predicate<String> enhancedClasses) {
        this.enhancedClasses = enhancedClasses;
    }

    @Override
    public boolean matches(TypeDescription type) {
        return !Mapping.isEnhanced(type) && !type.getName().endsWith("package-info") && !type.getName().equals("module-info");
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, ClassFileLocator locator) {
        return builder.visit(new Enhancer(enhancedClasses));
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
