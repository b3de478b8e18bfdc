package dev.tenon.bench;

import dev.tenon.session.SessionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns JMH's JSON results into Markdown: per database, each workload's hand-written JDBC time and allocation, and
 * Tenon's and Hibernate's as ratios to them, with Tenon's target and statement count; then the raw scores.
 */
final class Report {
    /**
     * What the suite knows of a workload besides its scores: Tenon's target time, as a ratio to hand-written JDBC, on
     * H2 and on PostgreSQL (0: bounded memory is the target).
     */
    private record Workload(String name, String label, double h2Target, double postgresTarget,
                            Function<Map<String, String>, String> statements) {
        Workload(String name, String label, double target, Function<Map<String, String>, String> statements) {
            this(name, label, target, target, statements);
        }

        double target(String database) {
            return database.equals("h2") ? h2Target : postgresTarget;
        }
    }

    /**
     * Tenon's statements per operation, as each benchmark's setup asserts them (the session's default batch sizes:
     * 500 parents per selectin statement, 1000 rows per flush statement).
     */
    private static final List<Workload> WORKLOADS = List.of(
            new Workload("FlatRead", "flat read, {emps} emps", 1.15, p -> "1"),
            new Workload("ReadOnlyRead", "flat read, read-only query, {emps} emps", 1.1, 1.05, p -> "1"),
            new Workload("FlushUnchanged", "flat read, then a flush of nothing changed, {emps} emps", 1.15, p -> "1"),
            new Workload("GraphSelectin", "graph by selectin, {depts} depts × {perDept}", 1.2,
                    p -> "1 + " + batches(p.get("depts"), SessionOptions.DEFAULT_SELECTIN_BATCH_SIZE)),
            new Workload("GraphJoin", "graph by join, {depts} depts × {perDept}", 1.2, p -> "1"),
            new Workload("LazyNPlusOne", "lazy N+1, {depts} depts × {perDept}", 1.3, p -> "1 + " + group(p.get("depts"))),
            new Workload("LazyBatched", "lazy, batched, {depts} depts × {perDept}", 1.3,
                    p -> "1 + " + batches(p.get("depts"), SessionOptions.DEFAULT_SELECTIN_BATCH_SIZE)),
            new Workload("Insert", "insert {emps} emps, assigned keys, one transaction", 1.2, 1.0,
                    p -> "≤ 1 + " + batches(p.get("emps"), SessionOptions.DEFAULT_FLUSH_BATCH_SIZE)),
            new Workload("InsertGeneratedKeys", "insert {emps} emps, generated keys, one transaction", 1.1, 0.8,
                    p -> "≤ " + batches(p.get("emps"), SessionOptions.DEFAULT_FLUSH_BATCH_SIZE)),
            new Workload("GetById", "get by id, {lookups} sessions", 1.5, p -> "1 per lookup"),
            new Workload("Streaming", "streaming {rows} rows, -Xmx64m", 0, p -> "1"));

    /** The workloads' class names, in the order of the table. */
    static List<String> workloadNames() {
        return WORKLOADS.stream().map(Workload::name).toList();
    }

    private static String batches(String rows, int perStatement) {
        return String.valueOf((Long.parseLong(rows) + perStatement - 1) / perStatement);
    }

    private static final String[] CONTENDERS = {"jdbc", "tenon", "hibernate"};

    /** One benchmark's scores. */
    private record Score(String workload, String contender, String database, Map<String, String> params, double time,
                         double error, String unit, double bytes) {
    }

    private final List<Score> scores = new ArrayList<>();

    /** Reads JMH JSON result files. */
    static Report read(List<Path> files) throws IOException {
        Report report = new Report();
        for (Path file : files) {
            for (Object entry : (List<?>) Json.parse(Files.readString(file))) {
                report.add((Map<?, ?>) entry);
            }
        }
        return report;
    }

    private void add(Map<?, ?> entry) {
        String benchmark = (String) entry.get("benchmark");
        String[] parts = benchmark.split("\\.");
        Map<String, String> params = new LinkedHashMap<>();
        Map<?, ?> given = (Map<?, ?>) entry.get("params");
        if (given != null) {
            given.forEach((key, value) -> params.put((String) key, String.valueOf(value)));
        }
        Map<?, ?> primary = (Map<?, ?>) entry.get("primaryMetric");
        double bytes = Double.NaN;
        Map<?, ?> secondary = (Map<?, ?>) entry.get("secondaryMetrics");
        if (secondary != null) {
            for (Map.Entry<?, ?> metric : secondary.entrySet()) {
                if (((String) metric.getKey()).replace("·", "").equals("gc.alloc.rate.norm")) {
                    bytes = number(((Map<?, ?>) metric.getValue()).get("score"));
                }
            }
        }
        scores.add(new Score(parts[parts.length - 2], parts[parts.length - 1], params.getOrDefault("database", "?"), params,
                number(primary.get("score")), number(primary.get("scoreError")), (String) primary.get("scoreUnit"), bytes));
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.NaN;
    }

    private Score find(String workload, String contender, String database) {
        for (Score score : scores) {
            if (score.workload.equals(workload) && score.contender.equals(contender) && score.database.equals(database)) {
                return score;
            }
        }
        return null;
    }

    /** The Markdown: a ratio table per database, then every raw score. */
    String markdown(String heading) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append("\n\n");
        List<String> databases = scores.stream().map(Score::database).distinct().sorted().toList();
        for (String database : databases) {
            out.append("**").append(database.equals("h2") ? "H2 (in memory; streaming from a file)" : "PostgreSQL").append("**\n\n");
            out.append("| workload | hand-written JDBC | Tenon time | Hibernate time | Tenon alloc | Hibernate alloc | Tenon ÷ Hibernate time "
                    + "| Tenon target | Tenon statements |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Workload workload : WORKLOADS) {
                Score jdbc = find(workload.name, "jdbc", database);
                Score tenon = find(workload.name, "tenon", database);
                Score hibernate = find(workload.name, "hibernate", database);
                Score any = jdbc != null ? jdbc : tenon != null ? tenon : hibernate;
                if (any == null) {
                    continue;
                }
                out.append("| ").append(fill(workload.label, any.params))
                        .append(" | ").append(jdbc == null ? "failed" : time(jdbc) + ", " + megabytes(jdbc.bytes))
                        .append(" | ").append(ratio(tenon, jdbc, false))
                        .append(" | ").append(ratio(hibernate, jdbc, false))
                        .append(" | ").append(ratio(tenon, jdbc, true))
                        .append(" | ").append(ratio(hibernate, jdbc, true))
                        .append(" | ").append(tenon == null || hibernate == null ? "—" : format(tenon.time / hibernate.time) + "×")
                        .append(" | ").append(verdict(workload.target(database), tenon, jdbc))
                        .append(" | ").append(tenon == null ? "—" : workload.statements.apply(any.params))
                        .append(" |\n");
            }
            out.append('\n');
        }
        out.append("<details><summary>Raw scores</summary>\n\n| benchmark | database | params | time | ± (99.9%) | allocated per op |\n|---|---|---|---|---|---|\n");
        for (Score score : scores) {
            Map<String, String> params = new LinkedHashMap<>(score.params);
            params.remove("database");
            out.append("| ").append(score.workload).append('.').append(score.contender).append(" | ").append(score.database)
                    .append(" | ").append(params.toString().replaceAll("[{}]", "")).append(" | ").append(time(score))
                    .append(" | ").append(format(score.error)).append(" | ").append(megabytes(score.bytes)).append(" |\n");
        }
        out.append("\n</details>\n");
        return out.toString();
    }

    private static String verdict(double target, Score tenon, Score jdbc) {
        if (target == 0) {
            return tenon == null ? "bounded memory: **missed** (failed)" : "bounded memory: met";
        }
        if (tenon == null || jdbc == null) {
            return "≤ " + format(target) + "×: **missed** (failed)";
        }
        boolean met = tenon.time / jdbc.time <= target;
        return "≤ " + format(target) + "×: " + (met ? "met" : "**missed**");
    }

    private static String ratio(Score score, Score jdbc, boolean allocation) {
        if (score == null) {
            return "failed";
        }
        if (jdbc == null) {
            return "—";
        }
        double ratio = allocation ? score.bytes / jdbc.bytes : score.time / jdbc.time;
        return Double.isNaN(ratio) ? "—" : format(ratio) + "×";
    }

    private static String time(Score score) {
        return format(score.time) + " " + score.unit.replace("/op", "");
    }

    private static String megabytes(double bytes) {
        return Double.isNaN(bytes) ? "—" : format(bytes / 1_000_000) + " MB";
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String fill(String template, Map<String, String> params) {
        String text = template;
        for (Map.Entry<String, String> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", group(param.getValue()));
        }
        return text;
    }

    private static String group(String value) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** A heading naming the run, the date and the machine. */
    static String heading(String run) {
        Runtime runtime = Runtime.getRuntime();
        return "Benchmarks, " + run + ", " + LocalDate.now() + ": " + runtime.availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + ". Times per operation; ratios to hand-written JDBC in the same run (lower is better).";
    }
}
