package dev.tenon.metadata;

import dev.tenon.annotation.Table;
import dev.tenon.exception.MappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code @Table} classes of a package on the class path, in directories and in jars: SQLAlchemy's
 * "import every model module before create_all" becomes "scan the package".
 */
final class PackageScanner {
    private final ClassLoader loader;

    PackageScanner(ClassLoader loader) {
        this.loader = loader == null ? PackageScanner.class.getClassLoader() : loader;
    }

    List<Class<?>> entitiesIn(String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    fromDirectory(Path.of(root.toURI()), packageName, classNames);
                } else if (root.getProtocol().equals("jar")) {
                    fromJar((JarURLConnection) root.openConnection(), path, classNames);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MappingException("Cannot scan package '" + packageName + "': " + e.getMessage());
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : classNames) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Table.class)) {
                    entities.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MappingException("Cannot load " + name + " while scanning '" + packageName + "': " + e);
            }
        }
        return entities;
    }

    private static void fromDirectory(Path directory, String packageName, TreeSet<String> classNames) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = directory.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classNames.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void fromJar(JarURLConnection connection, String path, TreeSet<String> classNames) throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(path + "/") && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }
}
