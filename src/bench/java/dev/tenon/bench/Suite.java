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
 *   <li>{@code quick [workload...]}: every workload (or those named), 2 warmup and 3 measured iterations of 1 s in one
 *       fork each, with the GC profiler; under 10 minutes on 2 cores;</li>
 *   <li>{@code full [workload...]}: 3 warmup and 5 measured iterations of 2 s, in 2 forks each;</li>
 *   <li>{@code table result.json...}: the Markdown table of earlier results;</li>
 *   <li>anything else goes to JMH's own command line ({@code -h} lists its options, {@code -l} the benchmarks).</li>
 * </ul>
 * Results go to {@code target/bench/results-<mode>.json} and {@code .md}. Without a PostgreSQL server only H2 runs.
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
            System.out.println(Report.read(files).markdown(Report.heading("earlier")));
            return;
        }
        boolean quick = args[0].equals("quick");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .forks(quick ? 1 : 2)
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false);
        if (rest.isEmpty()) {
            options.include(Suite.class.getPackageName() + "\\.[A-Z]\\w*\\.(jdbc|tenon|hibernate)$");
        }
        for (String workload : rest) {
            options.include(Suite.class.getPackageName() + "\\." + workload + "\\.(jdbc|tenon|hibernate)$");
        }
        List<String> databases = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            backend.unreachable().ifPresentOrElse(
                    reason -> System.out.println("Skipping " + backend.parameter() + ": " + reason),
                    () -> databases.add(backend.parameter()));
        }
        options.param("database", databases.toArray(String[]::new));
        Path json = Path.of("target", "bench", "results-" + args[0] + ".json");
        Files.createDirectories(json.getParent());
        options.result(json.toString()).resultFormat(ResultFormatType.JSON);
        new Runner(options.build()).run();
        String markdown = Report.read(List.of(json)).markdown(Report.heading(args[0]));
        Path md = Path.of("target", "bench", "results-" + args[0] + ".md");
        Files.writeString(md, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + json + " and " + md);
    }
}
