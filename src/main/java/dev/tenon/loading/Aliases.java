package dev.tenon.loading;

import java.util.HashMap;
import java.util.Map;

/** Numbered table aliases for one statement ({@code dept_1}, {@code emp_1}, {@code emp_2}), as SQLAlchemy writes them. */
final class Aliases {
    private final Map<String, Integer> counters = new HashMap<>();

    String next(String name) {
        return name + "_" + counters.merge(name, 1, Integer::sum);
    }
}
