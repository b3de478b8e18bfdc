package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.metadata.ColumnType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A list of keys is matched per dialect: on H2 an IN list padded to a few fixed sizes, so batches of any size
 * share a handful of statement shapes; on PostgreSQL one array parameter, so one statement serves them all.
 */
class KeyListTest {
    private static final ColumnType INTEGER = ColumnType.of(Integer.class);

    @Test
    void h2PadsAnInListToTheNextPowerOfTwo() {
        assertThat(placeholders(1)).isEqualTo(1);
        assertThat(placeholders(2)).isEqualTo(2);
        assertThat(placeholders(3)).isEqualTo(4);
        assertThat(placeholders(4)).isEqualTo(4);
        assertThat(placeholders(5)).isEqualTo(8);
        assertThat(placeholders(9)).isEqualTo(16);
        assertThat(placeholders(500)).isEqualTo(512);
        assertThat(placeholders(1000)).isEqualTo(1024);
        assertThat(placeholders(1024)).isEqualTo(1024);
    }

    @Test
    void h2PadsLongerListsToTheNextMultipleOf1024() {
        assertThat(placeholders(1025)).isEqualTo(2048);
        assertThat(placeholders(2048)).isEqualTo(2048);
        assertThat(placeholders(2049)).isEqualTo(3072);
    }

    @Test
    void h2FillsThePaddingWithTheLastKey() {
        BoundSql sql = render(new H2Dialect(), List.of(7, 8, 9));

        assertThat(sql.sql()).isEqualTo("deptno IN (?, ?, ?, ?)");
        assertThat(sql.shownParams()).containsExactly(7, 8, 9, 9);
    }

    @Test
    void h2MatchesNothingForAnEmptyList() {
        BoundSql sql = render(new H2Dialect(), List.of());

        assertThat(sql.sql()).isEqualTo("1 = 0");
        assertThat(sql.params()).isEmpty();
    }

    @Test
    void postgresqlBindsAnyListAsOneArray() {
        for (int size : new int[] {1, 3, 1000}) {
            BoundSql sql = render(new PostgresDialect(), keys(size));

            assertThat(sql.sql()).isEqualTo("deptno = ANY(?)");
            assertThat(sql.params()).singleElement().isInstanceOf(ArrayParam.class);
        }
    }

    private static int placeholders(int keys) {
        BoundSql sql = render(new H2Dialect(), keys(keys));
        return sql.params().size();
    }

    private static BoundSql render(Dialect dialect, List<Integer> keys) {
        return Expression.in(Expression.raw("deptno"), INTEGER, keys).toBoundSql(dialect);
    }

    private static List<Integer> keys(int size) {
        return IntStream.rangeClosed(1, size).boxed().toList();
    }
}
