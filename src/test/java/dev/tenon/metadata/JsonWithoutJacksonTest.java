package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Json;
import dev.tenon.annotation.Table;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Jackson is an optional dependency: an application without it that maps a {@code @Json} field is told, at scan time,
 * which field needs it and what to add. Tenon, its dependencies and this test's entity are loaded again, in a class
 * loader that does not see Jackson.
 */
class JsonWithoutJacksonTest {
    @Table(name = "settings")
    static class Settings {
        @Id Integer id;
        @Column @Json Map<String, Object> values;
    }

    @Test
    void aJsonFieldWithoutJacksonIsRefusedWithTheDependencyToAdd() throws Exception {
        URL[] path = {location(Metadata.class), location(JsonWithoutJacksonTest.class), location(ByteBuddy.class),
                location(LoggerFactory.class)};
        try (URLClassLoader withoutJackson = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            assertThat(catchThrowable(() -> withoutJackson.loadClass("com.fasterxml.jackson.databind.ObjectMapper")))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> metadata = withoutJackson.loadClass(Metadata.class.getName());
            Class<?> entity = withoutJackson.loadClass(Settings.class.getName());

            Throwable thrown = catchThrowable(() -> metadata.getMethod("of", Class[].class).invoke(null, (Object) new Class<?>[] {entity}));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            Throwable cause = thrown.getCause();
            assertThat(cause.getClass().getName()).isEqualTo("dev.tenon.exception.MappingException");
            assertThat(cause.getMessage()).contains("Settings.values: @Json needs Jackson, which is not on the class path; "
                    + "add the dependency com.fasterxml.jackson.core:jackson-databind");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
