package dev.tenon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.exception.IdentityException;
import dev.tenon.testing.Backend;
import dev.tenon.testing.StatementLog;
import dev.tenon.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A key of several columns identifies an object as well as one: get, update and delete use all its parts. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class CompositeKeyTest {
    @Table(name = "order_line", schema = "composite")
    static class OrderLine {
        @Id @Column(name = "order_no") Integer orderNo;
        @Id @Column(name = "line_no") Short lineNo;
        @Column(length = 20) String item;

        OrderLine() {
        }

        OrderLine(int orderNo, int lineNo, String item) {
            this.orderNo = orderNo;
            this.lineNo = (short) lineNo;
            this.item = item;
        }
    }

    @Parameter
    Backend backend;

    TestDb db;
    Session session;
    StatementLog log;

    @BeforeEach
    void open() {
        db = backend.open(OrderLine.class);
        try (Session setup = db.database().openSession(db.metadata())) {
            setup.addAll(new OrderLine(1, 1, "pen"), new OrderLine(1, 2, "ink"), new OrderLine(2, 1, "paper"));
            setup.commit();
        }
        db.database().statistics().reset();
        session = db.database().openSession(db.metadata());
        log = StatementLog.on(db.database());
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void getTakesThePartsInKeyOrderAndReturnsTheSameObjectWithoutSqlTheSecondTime() {
        OrderLine ink = session.get(OrderLine.class, 1, (short) 2);

        assertThat(ink.item).isEqualTo("ink");
        assertThat(session.get(OrderLine.class, List.of(1, (short) 2))).isSameAs(ink);
        assertThat(session.statistics().statements()).isEqualTo(1);
    }

    @Test
    void anUpdateMatchesEveryKeyColumn() {
        session.get(OrderLine.class, 1, (short) 2).item = "ink, blue";
        log.clear();

        session.commit();

        assertThat(log.sql()).containsExactly("UPDATE composite.order_line SET item = ? WHERE order_no = ? AND line_no = ?");
        assertThat(db.rows("SELECT item FROM composite.order_line ORDER BY order_no, line_no"))
                .containsExactly(List.of("pen"), List.of("ink, blue"), List.of("paper"));
    }

    @Test
    void aDeleteMatchesEveryKeyColumn() {
        session.delete(session.get(OrderLine.class, 1, (short) 1));
        log.clear();

        session.commit();

        assertThat(log.sql()).containsExactly("DELETE FROM composite.order_line WHERE order_no = ? AND line_no = ?");
        assertThat(db.rows("SELECT order_no, line_no FROM composite.order_line ORDER BY order_no, line_no"))
                .containsExactly(List.of(1, 2), List.of(2, 1));
    }

    @Test
    void getWithTooFewPartsNamesTheKeyColumns() {
        assertThatThrownBy(() -> session.get(OrderLine.class, 1))
                .isInstanceOf(IdentityException.class)
                .hasMessage("get(OrderLine, 1): the key has 2 parts [orderNo, lineNo]; pass them in that order");
    }
}
