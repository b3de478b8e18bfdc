package dev.tenon.loading;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Numbered table aliases for one statement ({@code dept_1}, {@code emp_1}, {@code emp_2}), as SQLAlchemy writes them. */
final class Aliases {
    /**
     * The alias strings, made once per table and number: every statement names its tables, and a string made anew
     * is hashed anew by each lookup of its quoting (a lazy load or a get runs thousands of statements).
     */
    private static final Map<String, String[]> MADE = new ConcurrentHashMap<>();
    private static final int KEPT = 8;

    private final Map<String, Integer> counters = new HashMap<>();

    String next(String name) {
        int number = counters.merge(name, 1, Integer::sum);
        if (number > KEPT) {
            return name + "_" + number;
        }
        String[] made = MADE.computeIfAbsent(name, n -> new String[KEPT + 1]);
        String alias = made[number];
        if (alias == null) {
            alias = name + "_" + number;
            made[number] = alias;
        }
        return alias;
    }
}
