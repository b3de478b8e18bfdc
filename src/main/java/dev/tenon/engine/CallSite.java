package dev.tenon.engine;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Where the application's code asked for what Tenon is doing now: the first frame of the current thread's stack that
 * is not Tenon's own (its jar or classes directory), the JDK's, an accessor the enhancer added to an entity
 * ({@code tenon$get$...}), or a test framework's. For a lazy load, that is the line that touched the relationship,
 * e.g. {@code com.shop.Report.print(Report.java:42)}. A walk through a lazy load's thirty-odd frames costs tens of
 * microseconds (measured under JUnit): asked only when a message or an open budget needs it, never per statement of a
 * block nobody watches.
 */
public final class CallSite {
    private static final CodeSource TENON = CallSite.class.getProtectionDomain().getCodeSource();
    /** Frames that run the caller's code rather than being it: the JDK, and the test frameworks around a test. */
    private static final String[] FOREIGN = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.",
        "org.opentest4j.", "org.assertj.", "org.apache.maven.surefire."};

    /** Whether a class is the caller's own code, asked once per class: a frame costs a lookup, not a code source. */
    private static final ClassValue<Boolean> CALLERS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !foreign(type.getName()) && !Objects.equals(type.getProtectionDomain().getCodeSource(), TENON);
        }
    };

    private CallSite() {
    }

    /** The caller's frame as {@code class.method(File.java:line)}, or "an unknown place" when every frame is Tenon's or the JDK's. */
    public static String find() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(frame -> CALLERS.get(frame.getDeclaringClass()) && !frame.getMethodName().startsWith("tenon$"))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("an unknown place"));
    }

    private static boolean foreign(String className) {
        for (String prefix : FOREIGN) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
