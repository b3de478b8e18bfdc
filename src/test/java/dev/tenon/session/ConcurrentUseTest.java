package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.engine.StatementListener;
import dev.tenon.exception.TenonException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session belongs to one thread at a time. A second thread that calls it while the first is inside is refused at
 * once with a message saying so, and the first thread's work is not disturbed.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ConcurrentUseTest {
    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        Scott.load(db);
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    /**
     * Runs {@code inside} on another thread while this thread is held inside a session call (its first statement's
     * listener waits until the other thread is done), and returns what the other thread threw.
     */
    private Throwable whileTheSessionIsBusy(Runnable busy, Consumer<Session> inside) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        StatementListener holder = (kind, sql, params, nanos, rows) -> {
            if (entered.getCount() == 1) {
                entered.countDown();
                await(done);
            }
        };
        db.database().addListener(holder);
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
            await(entered);
            try {
                inside.accept(session);
                return null;
            } catch (Throwable e) {
                return e;
            } finally {
                done.countDown();
            }
        });
        try {
            busy.run();
        } finally {
            db.database().removeListener(holder);
        }
        return other.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSecondThreadIsRefusedAtOnceAndTheFirstThreadsQueryIsUndisturbed() throws Exception {
        List<Dept> depts = new java.util.ArrayList<>();

        Throwable refused = whileTheSessionIsBusy(() -> depts.addAll(session.select(Dept.class).orderBy("deptno").list()),
                s -> s.add(new Dept(50, "LEGAL", "AUSTIN")));

        assertThat(refused).isInstanceOf(TenonException.class).hasMessageContaining("in use by thread")
                .hasMessageContaining(Thread.currentThread().getName()).hasMessageContaining("one thread at a time");
        assertThat(depts).extracting(d -> d.dname).containsExactly("ACCOUNTING", "RESEARCH", "SALES", "OPERATIONS");
        assertThat(session.select(Dept.class).count()).isEqualTo(4);
    }

    @Test
    void aLazyLoadFromASecondThreadIsRefusedToo() throws Exception {
        Dept sales = session.get(Dept.class, 30);
        long before = session.statistics().statements();

        Throwable refused = whileTheSessionIsBusy(() -> session.get(Dept.class, 20), s -> sales.employees.size());

        assertThat(refused).isInstanceOf(TenonException.class).hasMessageContaining("in use by thread");
        assertThat(session.statistics().statements() - before).isEqualTo(1);
        assertThat(sales.employees).hasSize(6);
    }

    @Test
    void aSessionCanBeHandedToAnotherThreadBetweenCalls() throws Exception {
        session.get(Dept.class, 10).loc = "BOSTON";

        CompletableFuture.runAsync(session::commit).get(10, TimeUnit.SECONDS);

        assertThat(db.rows("SELECT loc FROM scott.dept WHERE deptno = 10")).containsExactly(List.of("BOSTON"));
    }
}
