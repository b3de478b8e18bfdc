package dev.tenon.enhance;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;

/**
 * Which classes the agent processes: never the JDK's (loaded by the bootstrap or platform loader, or named so),
 * Byte Buddy's, classes generated at run time (Byte Buddy's and Tenon's, named with {@code $ByteBuddy$},
 * {@code $Tenon$} or {@code $$Tenon}), nor Tenon's own, told by their code source, the jar or directory this class
 * came from; so that entities in other jars and directories are processed whatever their package. With prefixes,
 * only the classes in those packages.
 */
final class AgentScope {
    private static final List<String> NEVER = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.");

    private final List<String> prefixes;
    private final URL library;

    private AgentScope(List<String> prefixes, URL library) {
        this.prefixes = prefixes;
        this.library = library;
    }

    /** The scope for the agent's argument (null or blank: everything) and Tenon's own code source. */
    static AgentScope of(String arguments, CodeSource library) {
        List<String> prefixes = arguments == null ? List.of() : Arrays.stream(arguments.split(","))
                .map(String::trim).filter(prefix -> !prefix.isEmpty())
                .map(prefix -> prefix.endsWith(".") ? prefix : prefix + ".").toList();
        return new AgentScope(prefixes, library == null ? null : library.getLocation());
    }

    /** Whether a class by that name is processed, whatever its loader: what a rewritten access may rely on. */
    boolean processes(String name) {
        if (NEVER.stream().anyMatch(name::startsWith) || name.contains("$$Tenon") || name.contains("$Tenon$")
                || name.contains("$ByteBuddy$")) {
            return false;
        }
        return prefixes.isEmpty() || prefixes.stream().anyMatch(name::startsWith);
    }

    /** Whether the class being loaded is processed. */
    boolean processes(String name, ClassLoader loader, ProtectionDomain domain) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || !processes(name)) {
            return false;
        }
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return library == null || source == null || !library.equals(source.getLocation());
    }
}
