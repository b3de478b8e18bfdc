package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;
import dev.tenon.engine.Transaction;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Each dialect's key list runs on its database and finds exactly the rows of the keys, padding or not. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class KeyListQueryTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Dept.class, Emp.class);
        db.execute("INSERT INTO scott.dept (deptno, dname) VALUES (10, 'ACCOUNTING'), (20, 'RESEARCH'), (30, 'SALES'), (40, 'OPERATIONS')");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void threeKeysFindThreeRowsInOneStatement() {
        assertThat(deptnosMatching(List.of(40, 10, 30))).containsExactly(10, 30, 40);
        assertThat(db.statements()).isEqualTo(1);
    }

    @Test
    void anEmptyListFindsNothing() {
        assertThat(deptnosMatching(List.of())).isEmpty();
    }

    @Test
    void keysWithoutRowsAreIgnored() {
        assertThat(deptnosMatching(List.of(20, 99))).containsExactly(20);
    }

    private List<Integer> deptnosMatching(List<Integer> keys) {
        TableModel dept = db.metadata().table("scott.dept");
        ColumnModel deptno = dept.column("deptno");
        Select select = new Select().from(new FromItem.TableRef(dept, "d"));
        select.select(Expression.column("d", deptno), null);
        select.where(Expression.in(Expression.column("d", deptno), deptno.type(), keys));
        select.orderBy(Expression.column("d", deptno), false);
        List<Integer> found = new ArrayList<>();
        try (Transaction transaction = db.database().transaction()) {
            transaction.query(select.toBoundSql(db.dialect()), row -> found.add(row.getInt(1)));
        }
        return found;
    }
}
