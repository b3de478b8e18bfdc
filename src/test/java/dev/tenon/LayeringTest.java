package dev.tenon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers point one way (shared/design.md, house rule 1): the core ({@code exception}, {@code annotation},
 * {@code metadata}, {@code sql}, {@code engine}, {@code ddl}) never uses the ORM layer, neither half has a cycle between
 * its packages, and the front door ({@code dev.tenon.Database}) stands on both while nothing stands on it. Read from the sources: every {@code dev.tenon...} name outside
 * comments and string literals, whether imported or written out in full, is a dependency on its package.
 */
class LayeringTest {
    private static final String ROOT = "dev.tenon";
    private static final Set<String> CORE = Set.of("dev.tenon.exception", "dev.tenon.annotation", "dev.tenon.metadata",
            "dev.tenon.sql", "dev.tenon.engine", "dev.tenon.ddl");
    private static final Set<String> ORM = Set.of("dev.tenon.api", "dev.tenon.session", "dev.tenon.query", "dev.tenon.loading",
            "dev.tenon.proxy", "dev.tenon.identity", "dev.tenon.enhance");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    // A qualified name: lower-case package segments, then a type (upper case) or a wildcard.
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.tenon((?:\\.[a-z_][a-z0-9_]*)*)\\s*\\.\\s*(?:[A-Z]|\\*)");

    /** For each package, the packages it uses and the files that use each one. */
    private static Map<String, Map<String, Set<String>>> uses;

    @BeforeAll
    static void readSources() throws IOException {
        Path sources = sourceRoot();
        uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutCommentsAndLiterals(Files.readString(file));
                Matcher declared = PACKAGE.matcher(code);
                assertThat(declared.find()).as("package declaration of %s", file).isTrue();
                String from = declared.group(1);
                Map<String, Set<String>> used = uses.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    String to = ROOT + reference.group(1);
                    if (!to.equals(from)) {
                        used.computeIfAbsent(to, k -> new TreeSet<>()).add(sources.relativize(file).toString());
                    }
                }
            }
        }
    }

    @Test
    void theGraphSeesTheDependenciesWeKnowOf() {
        assertThat(uses.get("dev.tenon.ddl")).containsKeys("dev.tenon.metadata", "dev.tenon.sql", "dev.tenon.engine");
        assertThat(uses.get("dev.tenon.session")).containsKeys("dev.tenon.loading", "dev.tenon.engine");
        assertThat(uses.get(ROOT)).containsKeys("dev.tenon.ddl", "dev.tenon.session");
    }

    @Test
    void everyPackageBelongsToOneHalf() {
        assertThat(uses.keySet()).as("packages neither in the core nor in the ORM layer: add them to one of the halves")
                .allMatch(name -> name.equals(ROOT) || CORE.contains(topLevel(name)) || ORM.contains(topLevel(name)));
    }

    @Test
    void theCoreUsesNothingFromTheOrmLayer() {
        List<String> violations = new ArrayList<>();
        uses.forEach((from, used) -> used.forEach((to, files) -> {
            if (CORE.contains(topLevel(from)) && ORM.contains(topLevel(to))) {
                violations.add(from + " -> " + to + " in " + files);
            }
        }));

        assertThat(violations).as("the core must not depend on the ORM layer").isEmpty();
    }

    @Test
    void theCoreHasNoCycleBetweenItsPackages() {
        assertThat(cyclesWithin(CORE)).as("cycles between core packages").isEmpty();
    }

    @Test
    void theOrmLayerHasNoCycleBetweenItsPackages() {
        assertThat(cyclesWithin(ORM)).as("cycles between ORM packages").isEmpty();
    }

    @Test
    void theExceptionsAndTheApiTypesDependOnNoOtherPackage() {
        assertThat(uses.get("dev.tenon.exception")).as("the exceptions, which every package may use").isEmpty();
        assertThat(uses.get("dev.tenon.api")).as("the API types, which every ORM package may use").isEmpty();
    }

    @Test
    void nothingStandsOnTheFrontDoor() {
        List<String> users = new ArrayList<>();
        uses.forEach((from, used) -> {
            if (!from.equals(ROOT) && used.containsKey(ROOT)) {
                users.add(from + " in " + used.get(ROOT));
            }
        });

        assertThat(uses.get(ROOT)).as("the front door composes the engine and the sessions").containsKeys("dev.tenon.engine", "dev.tenon.session");
        assertThat(users).as("packages of Tenon that use dev.tenon.Database").isEmpty();
    }

    /** The strongly connected groups of more than one package, each with the edges that close it. */
    private static List<String> cyclesWithin(Set<String> half) {
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, used) -> {
            if (half.contains(topLevel(from))) {
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                used.keySet().stream().filter(to -> half.contains(topLevel(to))).forEach(targets::add);
            }
        });
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new Tarjan(graph).components()) {
            if (component.size() > 1) {
                List<String> edges = new ArrayList<>();
                for (String from : component) {
                    for (String to : graph.get(from)) {
                        if (component.contains(to)) {
                            edges.add(from + " -> " + to + " " + uses.get(from).get(to));
                        }
                    }
                }
                cycles.add(String.join("\n  ", edges));
            }
        }
        return cycles;
    }

    /** Tarjan's algorithm, iterative over a small graph: the strongly connected components. */
    static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }

    /** {@code dev.tenon} or {@code dev.tenon.x} for any package under {@code dev.tenon.x}. */
    private static String topLevel(String name) {
        if (name.equals(ROOT)) {
            return ROOT;
        }
        int next = name.indexOf('.', ROOT.length() + 1);
        return next < 0 ? name : name.substring(0, next);
    }

    private static Path sourceRoot() {
        String basedir = System.getProperty("basedir", "");
        Path root = Path.of(basedir.isEmpty() ? "." : basedir, "src", "main", "java", "dev", "tenon");
        assertThat(root).as("the main sources, read from the project directory").isDirectory();
        return root;
    }

    /**
     * The code with comments, string and character literals blanked out, so that javadoc naming an ORM class
     * or a string mentioning a package is not taken for a dependency.
     */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int newline = source.indexOf('\n', i);
                i = newline < 0 ? source.length() : newline;
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfLiteral(source, "\"\"\"", i + 3);
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                i = endOfLiteral(source, String.valueOf(source.charAt(i)), i + 1);
                code.append("\"\"");
            } else {
                code.append(source.charAt(i));
                i++;
            }
        }
        return code.toString();
    }

    // The index just past the first 'end' from 'from', or the end of the text.
    private static int endOf(String source, String end, int from) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length();
    }

    // Like endOf, skipping backslash escapes inside the literal.
    private static int endOfLiteral(String source, String quote, int from) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }
}
