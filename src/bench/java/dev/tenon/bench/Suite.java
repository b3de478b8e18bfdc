package dev.tenon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The suite's entry point, the main class of {@code target/bench/benchmarks.jar}:
 * <ul>
 *   <li>{@code quick [workload...]}: every workload (or those named), 3 warmup and 3 measured iterations of 1 s in one
 *       fork each (streaming: 1 and 2, each at least one operation of a million rows), with the GC profiler; under
 *       10 minutes on 2 cores. Tenon's row path is deeper than a hand-written loop and takes the JIT a few seconds
 *       longer: with 2 warmup iterations some of its ratios came out a fifth higher than after 8 seconds of warmup;</li>
 *   <li>{@code full [workload...]}: 3 warmup and 5 measured iterations of 2 s, in 2 forks each;</li>
 *   <li>{@code table result.json...}: the Markdown table of earlier results;</li>
 *   <li>anything else goes to JMH's own command line ({@code -h} lists its options, {@code -l} the benchmarks).</li>
 * </ul>
 * Results go to {@code target/bench/results-<mode>.json} (streaming: {@code results-<mode>-streaming.json}) and
 * {@code results-<mode>.md}. Without a PostgreSQL server only H2 runs.
 */
public final class Suite {
    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("quick", "full", "table").contains(args[0])) {
            if (args.length == 0) {
                System.out.println("Usage: quick [workload...] | full [workload...] | table result.json... | JMH options (-h)");
                return;
            }
            org.openjdk.jmh.Main.main(args);
            return;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        if (args[0].equals("table")) {
            List<Path> files = rest.stream().map(Path::of).toList();
            System.out.println(Report.read(files).markdown(Report.heading("earlier run")));
            return;
        }
        boolean quick = args[0].equals("quick");
        List<String> databases = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            backend.unreachable().ifPresentOrElse(
                    reason -> System.out.println("Skipping " + backend.parameter() + ": " + reason),
                    () -> databases.add(backend.parameter()));
        }
        List<String> workloads = rest.isEmpty() ? List.of("[A-Z]\\w*") : rest;
        List<Path> results = new ArrayList<>();
        // Streaming reads a million rows per operation, a long warmup in itself: it gets fewer iterations, which
        // only a run of its own can give it (the options of a run override every benchmark's annotations).
        for (boolean streaming : new boolean[] {false, true}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .warmupIterations(quick ? (streaming ? 1 : 3) : 3)
                    .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                    .measurementIterations(quick ? (streaming ? 2 : 3) : 5)
                    .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                    .forks(quick ? 1 : 2)
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(false)
                    .param("database", databases.toArray(String[]::new));
            String streamingName = "Streaming";
            boolean selected = false;
            for (String name : Report.workloadNames()) {
                if (name.equals(streamingName) == streaming && workloads.stream().anyMatch(name::matches)) {
                    options.include(Suite.class.getPackageName() + "\\." + name + "\\.(jdbc|tenon|hibernate)$");
                    selected = true;
                }
            }
            if (!selected) {
                continue;
            }
            Path json = Path.of("target", "bench", "results-" + args[0] + (streaming ? "-streaming" : "") + ".json");
            Files.createDirectories(json.getParent());
            options.result(json.toString()).resultFormat(ResultFormatType.JSON);
            new Runner(options.build()).run();
            results.add(json);
        }
        String run = quick ? "quick mode (JMH 1.37, 3 warmup and 3 measured iterations of 1 s, streaming 1 and 2, one fork)"
                : "full mode (JMH 1.37, 3 warmup and 5 measured iterations of 2 s, two forks)";
        String markdown = Report.read(results).markdown(Report.heading(run));
        Path md = Path.of("target", "bench", "results-" + args[0] + ".md");
        Files.writeString(md, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + results + " and " + md);
    }
}
