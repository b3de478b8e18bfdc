package dev.tenon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module exports the API and keeps the machinery inside (shared/design.md, "Layers after this round's
 * redesign"); the tests themselves run on the class path, as the build configures them.
 */
class ModuleTest {
    @Test
    void theModuleExportsTheApiPackagesAndNoMachinery() throws IOException {
        Path descriptor = Path.of(System.getProperty("basedir", "."), "target", "classes", "module-info.class");
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(descriptor)) {
            module = ModuleDescriptor.read(in);
        }

        assertThat(module.name()).isEqualTo("dev.tenon");
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder("dev.tenon",
                "dev.tenon.annotation", "dev.tenon.api", "dev.tenon.ddl", "dev.tenon.engine", "dev.tenon.exception",
                "dev.tenon.metadata", "dev.tenon.query", "dev.tenon.session", "dev.tenon.sql");
        for (String machinery : new String[] {"loading", "identity", "proxy", "enhance"}) {
            assertThat(descriptor.resolveSibling(Path.of("dev", "tenon", machinery))).as("dev.tenon.%s, in the module", machinery).isDirectory();
        }
    }
}
