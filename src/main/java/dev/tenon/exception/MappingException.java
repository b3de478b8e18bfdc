package dev.tenon.exception;

import java.util.List;

/**
 * A mapping is wrong: thrown by the scanner with every problem it found, each naming the class,
 * the field and the fix.
 */
public class MappingException extends TenonException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** One exception for all the problems found in one scan. */
    public MappingException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem, found outside a scan (an unknown attribute name, say). */
    public MappingException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, one sentence naming the class, the field and the fix. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder(problems.size() + " mapping problems:");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
