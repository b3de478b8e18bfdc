package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The job queue the row locks are for: workers on threads of their own, each with its own session, claim one job at a
 * time with {@code forUpdate().skipLocked().limit(1)}, mark it done and commit. Every job is processed exactly once.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class JobQueueTest {
    private static final int JOBS = 20;
    private static final int WORKERS = 3;

    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(JobQueue.class, Job.class);
        try (Session session = db.database().openSession(db.metadata())) {
            session.add(new JobQueue(1, "mail"));
            IntStream.rangeClosed(1, JOBS).forEach(id -> session.add(new Job(id, 1)));
            session.commit();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** What one worker did: the jobs it claimed, in order, and the statements its session ran. */
    private record Work(List<Integer> claimed, long statements) {
    }

    /**
     * Claims jobs until none is left. After its first claim, each worker waits until every worker holds one: the
     * claims made while the others' locks are held must be of different jobs.
     */
    private Callable<Work> worker(String name, CyclicBarrier allHoldOne) {
        return () -> {
            List<Integer> claimed = new ArrayList<>();
            try (Session session = db.database().openSession(db.metadata())) {
                while (true) {
                    Job job = session.select(Job.class).where(eq("status", "NEW")).orderBy("id").limit(1).forUpdate().skipLocked().first();
                    if (claimed.isEmpty()) {
                        allHoldOne.await(30, TimeUnit.SECONDS);
                    }
                    if (job == null) {
                        return new Work(claimed, session.statistics().statements());
                    }
                    claimed.add(job.id);
                    job.status = "DONE";
                    job.claimedBy = name;
                    session.commit();
                }
            }
        };
    }

    @Test
    void everyJobIsProcessedExactlyOnceByConcurrentWorkers() throws Exception {
        CyclicBarrier allHoldOne = new CyclicBarrier(WORKERS);
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        Map<String, Work> work = new HashMap<>();
        try {
            Map<String, Future<Work>> running = new HashMap<>();
            for (int i = 1; i <= WORKERS; i++) {
                running.put("worker-" + i, threads.submit(worker("worker-" + i, allHoldOne)));
            }
            for (Map.Entry<String, Future<Work>> worker : running.entrySet()) {
                work.put(worker.getKey(), worker.getValue().get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }

        List<Integer> claims = work.values().stream().flatMap(done -> done.claimed().stream()).sorted().toList();
        assertThat(claims).as("none twice, none skipped").containsExactlyElementsOf(IntStream.rangeClosed(1, JOBS).boxed().toList());
        assertThat(work.values().stream().map(done -> done.claimed().get(0)).sorted())
                .as("the first claims, made while every worker held one").containsExactly(1, 2, 3);
        for (Map.Entry<String, Work> done : work.entrySet()) {
            for (int id : done.getValue().claimed()) {
                assertThat(db.rows("SELECT status, claimed_by FROM queue.job WHERE id = ?", id)).containsExactly(List.of("DONE", done.getKey()));
            }
            assertThat(done.getValue().statements()).as("a SELECT and an UPDATE per job, and the SELECT that found none")
                    .isEqualTo(2L * done.getValue().claimed().size() + 1);
        }
        assertThat(db.rows("SELECT COUNT(*) FROM queue.job WHERE status <> 'DONE'")).containsExactly(List.of(0L));
    }
}
