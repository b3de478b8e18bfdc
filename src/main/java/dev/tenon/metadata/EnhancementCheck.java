package dev.tenon.metadata;

import dev.tenon.annotation.Enhanced;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses mapped classes that were not enhanced: Tenon would not see their relationship reads nor their writes, so
 * lazy loading and change tracking would silently do nothing. Checked before anything else in a scan, with the two
 * ways to fix it, since the fix is the same for every class.
 */
final class EnhancementCheck {
    private static final String FIX = """
             mapped but not enhanced, so Tenon cannot see their fields being read and written. Enhance them at \
            build time with the Byte Buddy Maven plugin, which finds Tenon's plugin on the class path (goal \
            transform-test for classes under src/test):
              <plugin>
                <groupId>net.bytebuddy</groupId>
                <artifactId>byte-buddy-maven-plugin</artifactId>
                <version>1.18.7</version>
                <executions><execution><goals><goal>transform</goal></goals></execution></executions>
                <configuration><classPathDiscovery>true</classPathDiscovery></configuration>
              </plugin>
            or at run time, by starting the JVM with -javaagent:path/to/tenon.jar (Tenon's own jar), optionally \
            limited to packages: -javaagent:path/to/tenon.jar=com.example.model""";

    private EnhancementCheck() {
    }

    /** The mapped superclasses of {@code type} that declare mapped fields. */
    private static Stream<Class<?>> mappedSuperclasses(Class<?> type) {
        return MappedFields.of(type).stream().filter(MappedFields::isMapped).<Class<?>>map(Field::getDeclaringClass)
                .filter(c -> c != type).distinct();
    }

    /** @throws MappingException naming every {@code @Table} class (or mapped superclass) among {@code classes} that is not enhanced */
    static void requireEnhanced(Collection<Class<?>> classes) {
        // A mapped superclass holds the accessors of its fields: unenhanced, writes of its fields would go unseen.
        List<String> unenhanced = classes.stream()
                .filter(type -> type.isAnnotationPresent(Table.class))
                .flatMap(type -> Stream.concat(Stream.of(type), mappedSuperclasses(type)))
                .filter(type -> !type.isAnnotationPresent(Enhanced.class))
                .map(Class::getName).distinct().toList();
        if (!unenhanced.isEmpty()) {
            throw new MappingException(String.join(", ", unenhanced) + (unenhanced.size() == 1 ? " is" : " are") + FIX);
        }
    }
}
