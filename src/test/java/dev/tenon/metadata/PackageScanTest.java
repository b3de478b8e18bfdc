package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.exception.MappingException;
import dev.tenon.metadata.scanned.Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Metadata.scan(package)} finds every {@code @Table} class under a package, from directories and from jars. */
class PackageScanTest {
    private static final String PACKAGE = "dev.tenon.metadata.scanned";
    private static final String PATH = PACKAGE.replace('.', '/');

    @Test
    void scanningADirectoryFindsEveryEntityOfThePackageAndItsSubPackages() {
        Metadata metadata = Metadata.scan(PACKAGE);

        assertThat(metadata.entities()).extracting(entity -> entity.type().getName()).containsExactlyInAnyOrder(
                PACKAGE + ".Novel", PACKAGE + ".Writer", PACKAGE + ".reviews.Review");
    }

    @Test
    void scannedEntitiesAreResolvedTogetherWhateverTheirOrder() {
        Metadata metadata = Metadata.scan(PACKAGE);

        assertThat(metadata.table("scanned.review").foreignKeys().get(0).target()).isSameAs(metadata.table("scanned.novel"));
        assertThat(metadata.entity(Writer.class).relationship("novels").backPopulates()).isNotNull();
    }

    @Test
    void scanningAJarFindsTheSameEntities(@TempDir Path directory) throws Exception {
        Path jar = jarOfTestPackage(directory.resolve("scanned.jar"));
        ClassLoader hiding = new HidingClassLoader(PackageScanTest.class.getClassLoader());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, hiding)) {
            assertThat(Collections.list(loader.getResources(PATH))).singleElement()
                    .satisfies(url -> assertThat(url.getProtocol()).isEqualTo("jar"));

            Metadata metadata = Metadata.scan(PACKAGE, loader);

            assertThat(metadata.entities()).extracting(entity -> entity.type().getName()).containsExactlyInAnyOrder(
                    PACKAGE + ".Novel", PACKAGE + ".Writer", PACKAGE + ".reviews.Review");
            assertThat(metadata.entities()).allSatisfy(entity -> assertThat(entity.type().getClassLoader()).isSameAs(loader));
        }
    }

    @Test
    void scanningAPackageWithoutEntitiesFailsWithTheFix() {
        assertThatThrownBy(() -> Metadata.scan("dev.tenon.no.such.pkg"))
                .isInstanceOf(MappingException.class)
                .hasMessage("No @Table class found in package 'dev.tenon.no.such.pkg'; check the package name");
    }

    /** Copies the compiled test package into a jar laid out as the jar tool does, directory entries included. */
    private static Path jarOfTestPackage(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(Writer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> tree = Files.walk(classes.resolve(PATH))) {
            for (Path path : tree.sorted().toList()) {
                String name = classes.relativize(path).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The test class path minus the scanned package, so that a loader on top of it must take those classes
     * from the jar, while Tenon's annotations stay the ones the scanner knows.
     */
    private static final class HidingClassLoader extends ClassLoader {
        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(PACKAGE + ".")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        private static boolean hidden(String name) {
            return name.equals(PATH) || name.startsWith(PATH + "/");
        }
    }
}
