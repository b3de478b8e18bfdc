package dev.tenon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Inside the session and the engine, the types point one way: a façade above its parts, machinery below what uses
 * it (shared/design.md, "Layers after this round's redesign"). Read from the sources: a type uses another of its
 * package when it names it outside comments and literals. And no public method of Tenon hands out the connection.
 */
class TypeCyclesTest {
    @ParameterizedTest
    @ValueSource(strings = {"session", "engine", "loading"})
    void noTypeOfThePackageDependsOnItselfThroughOthers(String name) throws IOException {
        Path directory = Path.of(System.getProperty("basedir", "."), "src", "main", "java", "dev", "tenon", name);
        Map<String, String> code = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                code.put(file.getFileName().toString().replace(".java", ""), LayeringTest.withoutCommentsAndLiterals(Files.readString(file)));
            }
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        code.forEach((from, text) -> {
            Set<String> used = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : code.keySet()) {
                if (!to.equals(from) && Pattern.compile("\\b" + to + "\\b").matcher(text).find()) {
                    used.add(to);
                }
            }
        });
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> component : new LayeringTest.Tarjan(graph).components()) {
            if (component.size() > 1) {
                cycles.add(component);
            }
        }

        assertThat(graph).as("the types of dev.tenon.%s were read", name).isNotEmpty();
        assertThat(cycles).as("types of dev.tenon.%s that depend on each other in a cycle; graph: %s", name, graph).isEmpty();
    }

    @Test
    void noPublicMethodReturnsAConnection() throws Exception {
        Path classes = Path.of(System.getProperty("basedir", "."), "target", "classes");
        List<String> handing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev").resolve("tenon"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = classes.relativize(file).toString().replace(".class", "").replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(className, false, getClass().getClassLoader());
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    if (Connection.class.isAssignableFrom(method.getReturnType())) {
                        handing.add(type.getName() + "." + method.getName());
                    }
                }
            }
        }

        assertThat(handing).as("public methods handing out a java.sql.Connection (lend it through a callback instead)").isEmpty();
    }
}
