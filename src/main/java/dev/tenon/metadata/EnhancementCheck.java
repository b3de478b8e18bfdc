package dev.tenon.metadata;

import dev.tenon.annotation.Enhanced;
import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.util.Collection;
import java.util.List;

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

    private static java.util.stream.Stream<Class<?>> mappedSuperclasses(Class<?> type) {
        return MappedFields.of(type).stream().map(java.lang.reflect.Field::getDeclaringClass).filter(c -> c != type)
                .filter(c -> java.util.Arrays.stream(c.getDeclaredFields()).anyMatch(MappedFields::isMapped)).distinct()
                .map(c -> (Class<?>) c);
    }

    /** @throws MappingException naming every {@code @Table} class (or mapped superclass) among {@code classes} that is not enhanced */
    static void requireEnhanced(Collection<Class<?>> classes) {
        // A mapped superclass holds the accessors of its fields: unenhanced, writes of its fields would go unseen.
        List<String> unenhanced = classes.stream()
                .filter(type -> type.isAnnotationPresent(Table.class))
                .flatMap(type -> java.util.stream.Stream.concat(java.util.stream.Stream.of(type), mappedSuperclasses(type)))
                .filter(type -> !type.isAnnotationPresent(Enhanced.class))
                .map(Class::getName).distinct().toList();
        if (!unenhanced.isEmpty()) {
            throw new MappingException(String.join(", ", unenhanced) + (unenhanced.size() == 1 ? " is" : " are") + FIX);
        }
    }
}
