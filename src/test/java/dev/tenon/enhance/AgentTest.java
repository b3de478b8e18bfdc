package dev.tenon.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.testing.Backend;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's way in: an entity and a program compiled here, out of the build's reach, run in a JVM of their own
 * with and without {@code -javaagent} on the Tenon jar (made before the tests, path in {@code tenon.agent.jar}). The
 * child JVM verifies every class ({@code -Xverify:all}), reports on its entity and uses it on each database.
 */
class AgentTest {
    private static final String GADGET = """
            package agentcheck;

            import dev.tenon.annotation.Column;
            import dev.tenon.annotation.ForeignKey;
            import dev.tenon.annotation.Id;
            import dev.tenon.annotation.Relationship;
            import dev.tenon.annotation.Table;

            @Table(name = "gadgets")
            public class Gadget {
                @Id @Column Long id;
                @Column String name;
                @Column @ForeignKey("makers.id") Long makerId;
                @Relationship(backPopulates = "gadgets") Maker maker;
            }
            """;

    private static final String MAKER = """
            package agentcheck;

            import dev.tenon.annotation.Column;
            import dev.tenon.annotation.Id;
            import dev.tenon.annotation.Relationship;
            import dev.tenon.annotation.Table;
            import java.util.List;

            @Table(name = "makers")
            public class Maker {
                @Id @Column Long id;
                @Column String name;
                @Relationship(backPopulates = "maker") List<Gadget> gadgets;
            }
            """;

    private static final String MAIN = """
            package agentcheck;

            import dev.tenon.exception.MappingException;
            import dev.tenon.annotation.Enhanced;
            import dev.tenon.identity.Tracked;
            import dev.tenon.metadata.Metadata;
            import dev.tenon.Database;
            import dev.tenon.session.Session;

            public class Main {
                public static void main(String[] arguments) throws Exception {
                    System.out.println("enhanced=" + Gadget.class.isAnnotationPresent(Enhanced.class));
                    System.out.println("tracked=" + Tracked.class.isAssignableFrom(Gadget.class));
                    Metadata metadata;
                    try {
                        metadata = Metadata.of(Gadget.class, Maker.class);
                        System.out.println("accepted=true");
                    } catch (MappingException e) {
                        System.out.println("accepted=false: " + e.getMessage().lines().findFirst().orElse(""));
                        return;
                    }
                    String password = arguments[2].isEmpty() ? null : arguments[2];
                    // Every class of the child is enhanced as it loads, under -Xverify:all: starting H2 takes a while
                    // on a busy machine, and the test is not about the time it takes.
                    try (Database db = Database.connect(dev.tenon.engine.ConnectionOptions.url(arguments[0]).user(arguments[1])
                            .password(password).connectTimeout(java.time.Duration.ofSeconds(60)))) {
                        db.dropAll(metadata);
                        db.createAll(metadata);
                        Maker acme = new Maker();
                        acme.id = 1L;
                        acme.name = "acme";
                        Gadget gadget = new Gadget();
                        gadget.id = 10L;
                        gadget.name = "anvil";
                        gadget.maker = acme;                  // written from another class: the other side follows
                        System.out.println("backPopulated=" + (acme.gadgets != null && acme.gadgets.contains(gadget)));
                        try (Session session = db.openSession(metadata)) {
                            session.add(gadget);
                            session.commit();
                        }
                        try (Session session = db.openSession(metadata)) {
                            Gadget loaded = session.get(Gadget.class, 10L);
                            System.out.println("class=" + loaded.getClass().getName());
                            System.out.println("maker=" + loaded.maker.name + " after " + session.statistics().statements());
                            loaded.name = "anvil II";
                            session.commit();
                            System.out.println("statements=" + session.statistics().statements());
                        }
                        db.dropAll(metadata);
                    }
                }
            }
            """;

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileOutsideTheBuild() throws IOException {
        Path sources = Files.createDirectories(classes.resolve("src/agentcheck"));
        Files.writeString(sources.resolve("Gadget.java"), GADGET);
        Files.writeString(sources.resolve("Maker.java"), MAKER);
        Files.writeString(sources.resolve("Main.java"), MAIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("Gadget.java").toString(), sources.resolve("Maker.java").toString(),
                sources.resolve("Main.java").toString());
        assertThat(status).as("javac exit status").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tenon.testing.Backend#all")
    void underTheAgentEntitiesAreEnhancedAsTheyLoadAndBehaveAsUnderTheBuild(Backend backend) throws Exception {
        Path agent = Path.of(System.getProperty("tenon.agent.jar", "target/tenon-agent.jar"));
        assertThat(agent).as("the agent jar, made in process-test-classes").isRegularFile();

        List<String> output = run(List.of("-javaagent:" + agent), backend.connectionArguments());

        // One statement for the get, one for the reference read as a field; then one UPDATE and the COMMIT's none.
        assertThat(output).contains("enhanced=true", "tracked=true", "accepted=true", "backPopulated=true",
                "class=agentcheck.Gadget", "maker=acme after 2", "statements=3");
    }

    @Test
    void withoutTheAgentTheSameClassIsRefused() throws Exception {
        List<String> output = run(List.of(), Backend.H2.connectionArguments());

        assertThat(output).contains("enhanced=false", "tracked=false")
                .anySatisfy(line -> assertThat(line).startsWith("accepted=false: agentcheck.Gadget, agentcheck.Maker are mapped but not enhanced"));
    }

    private static List<String> run(List<String> options, List<String> database) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xverify:all");
        command.addAll(options);
        command.add("-cp");
        command.add(classes + File.pathSeparator + System.getProperty("java.class.path"));
        command.add("agentcheck.Main");
        command.addAll(database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
