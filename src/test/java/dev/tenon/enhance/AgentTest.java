package dev.tenon.enhance;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The agent's way in: an entity and a program compiled here, out of the build's reach, run in a JVM of their own
 * with and without {@code -javaagent} on the Tenon jar (made before the tests, path in {@code tenon.agent.jar}). The
 * child JVM verifies every class ({@code -Xverify:all}) and reports on its entity.
 */
class AgentTest {
    private static final String GADGET = """
            package agentcheck;

            import dev.tenon.annotation.Column;
            import dev.tenon.annotation.Id;
            import dev.tenon.annotation.Table;

            @Table(name = "gadgets")
            public class Gadget {
                @Id Long id;
                @Column String name;
            }
            """;

    private static final String MAIN = """
            package agentcheck;

            import dev.tenon.MappingException;
            import dev.tenon.annotation.Enhanced;
            import dev.tenon.identity.Tracked;
            import dev.tenon.metadata.Metadata;

            public class Main {
                public static void main(String[] arguments) throws Exception {
                    System.out.println("enhanced=" + Gadget.class.isAnnotationPresent(Enhanced.class));
                    System.out.println("tracked=" + Tracked.class.isAssignableFrom(Gadget.class));
                    Gadget gadget = new Gadget();
                    gadget.name = "written from another class";
                    System.out.println("name=" + gadget.name);
                    try {
                        Metadata.of(Gadget.class);
                        System.out.println("accepted=true");
                    } catch (MappingException e) {
                        System.out.println("accepted=false: " + e.getMessage().lines().findFirst().orElse(""));
                    }
                    // The write above, rewritten into a call of the entity's accessor.
                    System.out.println("accessor=" + java.util.Arrays.stream(Gadget.class.getDeclaredMethods())
                            .anyMatch(method -> method.getName().equals("tenon$set$name")));
                }
            }
            """;

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileOutsideTheBuild() throws IOException {
        Path sources = Files.createDirectories(classes.resolve("src/agentcheck"));
        Files.writeString(sources.resolve("Gadget.java"), GADGET);
        Files.writeString(sources.resolve("Main.java"), MAIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("Gadget.java").toString(), sources.resolve("Main.java").toString());
        assertThat(status).as("javac exit status").isZero();
    }

    @Test
    void theAgentEnhancesAnEntityAsItIsLoadedAndTheScanAcceptsIt() throws Exception {
        Path agent = Path.of(System.getProperty("tenon.agent.jar", "target/tenon-agent.jar"));
        assertThat(agent).as("the agent jar, made in process-test-classes").isRegularFile();

        List<String> output = run("-javaagent:" + agent);

        assertThat(output).contains("enhanced=true", "tracked=true", "name=written from another class",
                "accepted=true", "accessor=true");
    }

    @Test
    void withoutTheAgentTheSameClassIsRefused() throws Exception {
        List<String> output = run();

        assertThat(output).contains("enhanced=false", "tracked=false")
                .anySatisfy(line -> assertThat(line).startsWith("accepted=false: agentcheck.Gadget are mapped but not enhanced"));
    }

    private static List<String> run(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xverify:all");
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(classes + File.pathSeparator + System.getProperty("java.class.path"));
        command.add("agentcheck.Main");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
