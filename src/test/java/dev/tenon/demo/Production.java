package dev.tenon.demo;

import dev.tenon.Database;
import dev.tenon.metadata.Metadata;
import dev.tenon.session.Retry;
import dev.tenon.session.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's production part: a unit of work that meets a concurrent writer and runs again, a savepoint that keeps a
 * batch going past a bad item, and a read routed to a replica after a commit; each with the statements it ran.
 */
final class Production {
    private final Database db;
    private final PrintStream out;
    private final SqlRecorder recorder;
    private final Metadata bank = Metadata.of(Account.class);

    Production(Database db, PrintStream out, SqlRecorder recorder) {
        this.db = db;
        this.out = out;
        this.recorder = recorder;
    }

    void run() {
        db.dropAll(bank);
        db.createAll(bank);
        db.transact(bank, session -> session.addAll(new Account(1, "ada", 100), new Account(2, "grace", 100)));
        recorder.drain();
        retriedConflict();
        savepoints();
        routedRead();
        db.dropAll(bank);
    }

    private void retriedConflict() {
        out.println("  db.transact(bank, session -> ...): ada deposits 10 while another writer deposits 50 between her read and her write");
        AtomicInteger attempts = new AtomicInteger();
        db.transact(bank, Retry.DEFAULT.initialBackoff(Duration.ofMillis(5)), session -> {
            int attempt = attempts.incrementAndGet();
            Account ada = session.get(Account.class, 1);
            if (attempt == 1) {
                db.transact(bank, Retry.NONE, other -> other.get(Account.class, 1).balance += 50);
                out.println("    attempt 1 read " + ada + "; meanwhile another transaction committed a deposit of 50");
            }
            ada.balance += 10;
            out.println("    attempt " + attempt + " writes balance " + ada.balance + " where version = " + ada.version);
        });
        printStatements();
        try (Session session = db.openSession(bank)) {
            out.printf("  => %d attempts; %s: both deposits counted. [2] and [3] are the other writer's; attempt 1's%n"
                    + "     UPDATE [4] matched no row at version 1 (StaleDataException), so the work ran again from its first read%n",
                    attempts.get(), session.get(Account.class, 1));
        }
        recorder.drain();
    }

    private void savepoints() {
        out.println();
        out.println("  session.savepoint(() -> ...): three transfers in one transaction, the second of them refused by the database");
        try (Session session = db.openSession(bank)) {
            for (int amount : List.of(30, 1000, 20)) {
                try {
                    session.savepoint(() -> {
                        session.get(Account.class, 2).balance -= amount;
                        session.add(new Account(amount == 1000 ? 1 : 100 + amount, "transfer " + amount, amount));
                    });
                    out.println("    transfer of " + amount + ": done");
                } catch (RuntimeException e) {
                    out.println("    transfer of " + amount + ": back to the savepoint (" + e.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
            session.commit();
            out.printf("  => committed the other two: grace's %s (the refused INSERT is not among the statements run)%n",
                    session.get(Account.class, 2));
        }
        printStatements();
    }

    private void routedRead() {
        out.println();
        out.println("  db.transactReadOnly(bank, session -> ...): read right after a commit, in a read-only session");
        db.transact(bank, session -> session.get(Account.class, 1).balance += 1);
        recorder.drain();
        String read = db.transactReadOnly(bank, session -> session.get(Account.class, 1) + " read on " + server(session));
        printStatements();
        out.println("  => " + read + (db.replicaDataSources().isEmpty()
                ? "; no replica is configured, so read-only sessions read on the primary (replicas need PostgreSQL:"
                        + "\n     -Ddemo.replica=jdbc:postgresql://... shows one routed, after it has replayed the commit)"
                : ", after checking it had replayed the commit just made (read-your-writes)"));
        recorder.drain();
    }

    /** Which server the session reads on: a PostgreSQL standby says it is in recovery. */
    private String server(Session session) {
        if (!db.dialect().name().equals("PostgreSQL")) {
            return "the primary";
        }
        boolean standby = session.withConnection(connection -> {
            try (var statement = connection.createStatement(); var row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                return row.next() && row.getBoolean(1);
            }
        });
        return standby ? "a hot standby" : "the primary";
    }

    private void printStatements() {
        List<SqlRecorder.Statement> ran = recorder.drain();
        for (int i = 0; i < ran.size(); i++) {
            out.printf("    [%d] %s%n", i + 1, ran.get(i).sql());
        }
    }
}
