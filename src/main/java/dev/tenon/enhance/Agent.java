package dev.tenon.enhance;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Tenon's enhancer as a Java agent: the Tenon jar's manifest names this class, so
 * {@code java -javaagent:tenon.jar -jar app.jar} enhances classes as the JVM loads them, for those who would rather
 * not add a step to their build. The same plugin as the build's does the work.
 *
 * <p>By default every class is processed but the JDK's, Byte Buddy's and Tenon's own; an argument narrows that to
 * comma-separated package prefixes, which must include the packages of the entities:
 * {@code -javaagent:tenon.jar=com.example.model,com.example.app}. Attached late ({@code agentmain}), the agent only
 * sees classes loaded from then on: an entity already loaded stays as it was, and the scan refuses it.
 */
public final class Agent {
    private Agent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:tenon.jar[=prefixes]}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    /** Called by the JVM when the agent is attached to a running one. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    private static void install(String arguments, Instrumentation instrumentation) {
        AgentScope scope = AgentScope.of(arguments, Agent.class.getProtectionDomain().getCodeSource());
        TenonPlugin plugin = new TenonPlugin(scope::processes);
        // REDEFINE: the class keeps its methods as they are, rewritten in place, with nothing renamed or added but
        // the enhancer's own members. Errors are printed: a class that fails stays unenhanced, and the scan says so.
        new AgentBuilder.Default()
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .type((type, loader, module, redefined, domain) -> scope.processes(type.getName(), loader, domain)
                        && plugin.matches(type))
                .transform(new AgentBuilder.Transformer.ForBuildPlugin(plugin))
                .installOn(instrumentation);
    }
}
