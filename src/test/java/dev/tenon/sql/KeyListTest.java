package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.metadata.ColumnType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A list of keys is matched with one array parameter on both databases, so one statement serves every batch
 * size (the measurements are on {@link Dialect#renderIn}).
 */
class KeyListTest {
    private static final ColumnType INTEGER = ColumnType.of(Integer.class);

    @Test
    void everyDialectBindsAnyListAsOneArray() {
        for (Dialect dialect : List.of(new H2Dialect(), new PostgresDialect())) {
            for (int size : new int[] {0, 1, 3, 1000}) {
                BoundSql sql = render(dialect, keys(size));

                assertThat(sql.sql()).isEqualTo("deptno = ANY(?)");
                assertThat(sql.params()).singleElement().isInstanceOfSatisfying(ArrayParam.class,
                        array -> assertThat(array.values()).hasSize(size));
            }
        }
    }

    private static BoundSql render(Dialect dialect, List<Integer> keys) {
        return Expression.in(Expression.raw("deptno"), INTEGER, keys).toBoundSql(dialect);
    }

    private static List<Integer> keys(int size) {
        return IntStream.rangeClosed(1, size).boxed().toList();
    }
}
