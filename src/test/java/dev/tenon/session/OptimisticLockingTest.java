package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;
import dev.tenon.api.Status;
import dev.tenon.engine.StatementKind;
import dev.tenon.exception.SqlExecutionException;
import dev.tenon.exception.StaleDataException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimistic locking with a {@code @Version} counter: two sessions read one account and both change it; the first
 * commits, the second is refused with a {@link StaleDataException} instead of overwriting the first one's change (a
 * lost update). The version costs no statement: it is set by the INSERT, checked and advanced by the UPDATE.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class OptimisticLockingTest {
    @Table(name = "account", schema = "optimistic")
    static class Account {
        @Id(generation = Generation.ASSIGNED) Integer id;
        @Column(length = 20) String owner;
        @Column Integer balance;
        @Version long version;

        Account() {
        }

        Account(int id, String owner, int balance) {
            this.id = id;
            this.owner = owner;
            this.balance = balance;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    Session other;

    @BeforeEach
    void open() {
        db = backend.open(Account.class);
        try (Session setup = db.database().openSession(db.metadata())) {
            for (int id = 1; id <= 5; id++) {
                setup.add(new Account(id, "owner" + id, 100));
            }
            setup.commit();
        }
        session = db.database().openSession(db.metadata());
        other = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        other.close();
        db.close();
    }

    private List<Object> row(int id) {
        return db.rows("SELECT balance, version FROM optimistic.account WHERE id = ?", id).get(0);
    }

    /** Another transaction changes the row and commits: the version in the database moves on. */
    private void changedElsewhere(int id, int balance) {
        other.get(Account.class, id).balance = balance;
        other.commit();
    }

    @Test
    void anInsertSetsTheFirstVersionInTheInsertItself() {
        Account fresh = new Account(10, "new", 0);
        session.add(fresh);

        session.commit();

        assertThat(fresh.version).isEqualTo(1);
        assertThat(row(10)).containsExactly(0, 1L);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anUpdateChecksTheVersionInItsWhereClauseAndAdvancesIt() {
        Account account = session.get(Account.class, 1);
        account.balance = 150;
        StatementLog log = StatementLog.on(db.database());

        session.flush();

        assertThat(account.version).isEqualTo(2);
        assertThat(log.entries()).extracting(StatementLog.Entry::kind).containsExactly(StatementKind.UPDATE);
        assertThat(log.sql().get(0)).endsWith("SET balance = ?, version = ? WHERE id = ? AND version = ?");
        session.commit();
        assertThat(row(1)).containsExactly(150, 2L);
    }

    @Test
    void aFlushWithNothingToWriteAdvancesNoVersion() {
        Account account = session.get(Account.class, 1);
        account.balance = 100;                                       // written back to the value it had
        long before = session.statistics().statements();

        session.commit();

        assertThat(session.statistics().statements() - before).isZero();
        assertThat(account.version).isEqualTo(1);
        assertThat(row(1)).containsExactly(100, 1L);
    }

    @Test
    void theSecondOfTwoWritersIsRefusedAndNoUpdateIsLost() {
        Account mine = session.get(Account.class, 1);
        changedElsewhere(1, 500);
        mine.balance = mine.balance + 10;
        long before = session.statistics().statements();

        StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Account#1 was changed or deleted by another transaction since it was read (version 1)")
                .hasMessageContaining("UPDATE").hasMessageContaining("read the row again and apply the change");
        assertThat(e.entity()).isEqualTo(Account.class);
        assertThat(e.id()).isEqualTo(1);
        assertThat(e.isDelete()).isFalse();
        assertThat(session.statistics().statements() - before).as("the UPDATE alone").isEqualTo(1);
        assertThat(row(1)).as("the first writer's").containsExactly(500, 2L);
        assertThat(mine.version).as("back to the version read").isEqualTo(1);
        assertThat(mine.balance).as("the change kept").isEqualTo(110);
        assertThat(session.status(mine)).isEqualTo(Status.PERSISTENT);
    }

    @Test
    void readingTheRowAgainAndApplyingTheChangeSucceeds() {
        Account mine = session.get(Account.class, 1);
        changedElsewhere(1, 500);
        mine.balance = mine.balance + 10;
        catchThrowableOfType(StaleDataException.class, session::commit);

        session.refresh(mine);
        assertThat(mine.version).isEqualTo(2);
        mine.balance = mine.balance + 10;
        session.commit();

        assertThat(row(1)).containsExactly(510, 3L);
        assertThat(mine.version).isEqualTo(3);
    }

    @Test
    void committingTheStaleObjectsAgainFailsAgainRatherThanOverwriting() {
        Account mine = session.get(Account.class, 1);
        changedElsewhere(1, 500);
        mine.balance = 1;
        catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(catchThrowableOfType(StaleDataException.class, session::commit)).isNotNull();

        assertThat(row(1)).containsExactly(500, 2L);
    }

    @Test
    void aDeleteOfARowChangedSinceItWasReadIsRefused() {
        Account mine = session.get(Account.class, 2);
        changedElsewhere(2, 700);
        session.delete(mine);
        long before = session.statistics().statements();

        StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Account#2 was changed or deleted by another transaction since it was read (version 1)")
                .hasMessageContaining("its DELETE found no row");
        assertThat(e.isDelete()).isTrue();
        assertThat(session.statistics().statements(StatementKind.DELETE)).isEqualTo(1);
        assertThat(session.statistics().statements() - before).isEqualTo(1);
        assertThat(row(2)).containsExactly(700, 2L);
        assertThat(session.status(mine)).as("still to be deleted, as before the flush").isEqualTo(Status.DELETED);
    }

    @Test
    void aDeleteChecksTheVersion() {
        Account mine = session.get(Account.class, 3);
        session.delete(mine);
        StatementLog log = StatementLog.on(db.database());

        session.commit();

        assertThat(log.sql()).hasSize(1);
        assertThat(log.sql().get(0)).endsWith("WHERE id = ? AND version = ?");
        assertThat(db.rows("SELECT COUNT(*) FROM optimistic.account WHERE id = 3")).containsExactly(List.of(0L));
    }

    @Test
    void inABatchTheStaleRowIsNamedAndEveryObjectIsPutBack() {
        List<Account> accounts = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            accounts.add(session.get(Account.class, id));
        }
        changedElsewhere(3, 999);
        accounts.forEach(account -> account.balance = account.balance + 1);
        long before = session.statistics().statements();

        StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Account#3 ");
        assertThat(e.id()).isEqualTo(3);
        assertThat(session.statistics().statements() - before).as("one batch of five rows").isEqualTo(1);
        assertThat(accounts).extracting(account -> account.version).containsOnly(1L);
        assertThat(accounts).extracting(account -> account.balance).containsOnly(101);
        assertThat(db.rows("SELECT id, balance, version FROM optimistic.account ORDER BY id")).as("the batch rolled back")
                .containsExactly(List.of(1, 100, 1L), List.of(2, 100, 1L), List.of(3, 999, 2L), List.of(4, 100, 1L), List.of(5, 100, 1L));
    }

    @Test
    void aFailureLaterInTheTransactionPutsBackTheVersionsItsFlushesSet() {
        Account account = session.get(Account.class, 1);
        account.balance = 1;
        session.flush();
        assertThat(account.version).isEqualTo(2);
        Account fresh = new Account(20, "fresh", 0);
        session.addAll(fresh, new Account(2, "duplicate key", 0));

        catchThrowableOfType(SqlExecutionException.class, session::flush);

        assertThat(account.version).isEqualTo(1);
        assertThat(account.balance).isEqualTo(1);
        assertThat(fresh.version).as("unset again").isZero();
        assertThat(row(1)).containsExactly(100, 1L);
    }

    @Test
    void theVersionTheObjectHoldsIsTheOneChecked() {
        Account account = session.get(Account.class, 4);
        changedElsewhere(4, 400);
        session.refresh(account);
        account.version = 1;                                          // the version a form showed before the change
        account.balance = 50;

        assertThat(catchThrowableOfType(StaleDataException.class, session::commit)).hasMessageContaining("(version 1)");
        assertThat(row(4)).containsExactly(400, 2L);
    }

    @Test
    void settingOnlyTheVersionIsAChangeTheFlushChecks() {
        Account account = session.get(Account.class, 4);
        changedElsewhere(4, 400);
        session.refresh(account);

        account.version = 1;
        long before = session.statistics().statements();

        assertThat(catchThrowableOfType(StaleDataException.class, session::commit)).isNotNull();
        assertThat(session.statistics().statements() - before).isEqualTo(1);
    }

    @Test
    void queriesAndRefreshReadTheVersionLikeAnyColumn() {
        Account account = session.get(Account.class, 5);
        changedElsewhere(5, 10);
        changedElsewhere(5, 20);

        session.refresh(account);
        assertThat(account.version).isEqualTo(3);
        assertThat(other.select(Account.class).orderBy("id").list()).extracting(a -> a.version).containsExactly(1L, 1L, 1L, 1L, 3L);
    }

    @Test
    void theFlushPlanShowsTheVersionCheckedAndRunsAsShown() {
        List<Account> accounts = List.of(session.get(Account.class, 1), session.get(Account.class, 2), session.get(Account.class, 3));
        accounts.get(0).balance = 1;
        accounts.get(1).balance = 2;
        session.delete(accounts.get(2));

        FlushPlan plan = session.flushPlan();
        long before = session.statistics().statements();
        session.flush();

        assertThat(plan).hasToString(
                "1. UPDATE optimistic.account SET balance = ?, version = ? WHERE id = ? AND version = ?   -- 2 rows, checking version in 1 statement\n"
                + "2. DELETE FROM optimistic.account WHERE id = ? AND version = ?   -- 1 row, checking version in 1 statement\n"
                + "= 2 statements");
        assertThat(session.statistics().statements() - before).isEqualTo(plan.statements());
    }

    @Test
    void aRowDeletedByAnotherTransactionIsStaleToo() {
        Account account = session.get(Account.class, 1);
        other.delete(other.get(Account.class, 1));
        other.commit();
        account.balance = 5;

        StaleDataException e = catchThrowableOfType(StaleDataException.class, session::commit);

        assertThat(e).hasMessageStartingWith("Account#1 was changed or deleted by another transaction");
        assertThat(db.rows("SELECT COUNT(*) FROM optimistic.account WHERE id = 1")).containsExactly(List.of(0L));
    }
}
