package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.metadata.ColumnType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A list of keys is matched with one array parameter on both databases, so one statement serves every batch
 * size, and a single key with a plain comparison (the measurements are on {@link Dialect#renderIn}).
 */
class KeyListTest {
    private static final ColumnType INTEGER = ColumnType.of(Integer.class);

    @Test
    void everyDialectBindsAnyListAsOneArray() {
        for (Dialect dialect : List.of(new H2Dialect(), new PostgresDialect())) {
            for (int size : new int[] {0, 2, 3, 1000}) {
                BoundSql sql = render(dialect, keys(size));

                assertThat(sql.sql()).isEqualTo("deptno = ANY(?)");
                assertThat(sql.params()).singleElement().isInstanceOfSatisfying(ArrayParam.class,
                        array -> assertThat(array.values()).hasSize(size));
            }
        }
    }

    @Test
    void everyDialectComparesASingleKeyPlainly() {
        for (Dialect dialect : List.of(new H2Dialect(), new PostgresDialect())) {
            BoundSql sql = render(dialect, keys(1));

            assertThat(sql.sql()).isEqualTo("deptno = ?");
            assertThat(sql.shownParams()).containsExactly(1);
        }
    }

    private static BoundSql render(Dialect dialect, List<Integer> keys) {
        return Expression.in(Expression.raw("deptno"), INTEGER, keys).toBoundSql(dialect);
    }

    private static List<Integer> keys(int size) {
        return IntStream.rangeClosed(1, size).boxed().toList();
    }
}
