package dev.tenon.query;

import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.exception.TenonException;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 70,000 values, past both databases' limits: H2 takes at most 65,536 elements in an array, PostgreSQL at most
 * 65,535 parameters in a statement. {@code in(...)} finds the rows of any number of values in one statement; a
 * statement that would bind too many parameters is refused before it is sent, with a message that says what to do.
 * (Keep such ORs well away from PostgreSQL anyway: one of 65,535 comparisons sent by hand kept a server busy for the
 * better part of an hour in its JIT compiler, deaf to cancellation.)
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class LongKeyListTest {
    static final int VALUES = 70_000;

    @Table(name = "item")
    static class Item {
        @Id Integer id;
        @Column Integer grp;
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;

    @BeforeEach
    void open() {
        db = backend.open(Item.class);
        // A row every 50 ids: H2 compares each row with every element of its arrays, so the table stays small while
        // the list is long (2,000 rows, not 80,000, keep this test at a second instead of half a minute on H2).
        db.execute(backend == Backend.H2 ? "INSERT INTO item (id, grp) SELECT x * 50, MOD(x, 10) FROM SYSTEM_RANGE(1, 2000)"
                : "INSERT INTO item (id, grp) SELECT x * 50, x % 10 FROM generate_series(1, 2000) AS x");
        session = db.database().openSession(db.metadata());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    /** 5,001 to 75,000: 70,000 keys, of which the multiples of 50 are rows (1,400, 90 of them past the 65,536th key). */
    private static List<Integer> keys() {
        return IntStream.rangeClosed(5_001, 5_000 + VALUES).boxed().toList();
    }

    @Test
    void seventyThousandValuesInOneInFindTheirRowsInOneStatement() {
        long before = db.statements();

        List<Item> items = session.select(Item.class).where(in("id", keys())).orderBy("id").list();

        assertThat(items).hasSize(1_400);
        assertThat(items.get(0).id).isEqualTo(5_050);
        assertThat(items).extracting(item -> item.id).filteredOn(id -> id > 5_000 + 65_536).hasSize(90);
        assertThat(items.get(items.size() - 1).id).isEqualTo(75_000);
        assertThat(db.statements() - before).isEqualTo(1);
    }

    /**
     * PostgreSQL only: H2 has no parameter limit, and takes an OR of 70,000 comparisons, though its optimizer spends
     * minutes turning it into an IN list (it copies the list once per term).
     */
    @Test
    void anOrOfSeventyThousandComparisonsIsRefusedBeforeSendingWithWhatToDo() {
        assumeTrue(backend == Backend.POSTGRES, "PostgreSQL's limit of 65,535 parameters");
        List<Condition> equalities = new ArrayList<>();
        keys().forEach(key -> equalities.add(eq("id", key)));
        Query<Item> query = session.select(Item.class).where(Condition.or(equalities.toArray(Condition[]::new)));
        long before = db.statements();

        TenonException e = catchThrowableOfType(TenonException.class, query::list);

        assertThat(e).hasMessageStartingWith("A statement with 70,000 parameters was not sent: PostgreSQL binds at most 65,535")
                .hasMessageContaining("Condition.in(path, values)").hasMessageContaining("SQL: SELECT");
        assertThat(db.statements() - before).isZero();
        // Nothing reached the database: the session's transaction goes on.
        assertThat(session.select(Item.class).where(eq("id", 350)).list()).extracting(item -> item.grp).containsExactly(7);
        assertThat(db.statements() - before).isEqualTo(1);
    }
}
