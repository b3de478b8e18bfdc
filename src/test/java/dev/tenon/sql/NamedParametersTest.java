package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.exception.TenonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named parameters found where SQL has them, and nowhere else; values only ever become placeholders. */
class NamedParametersTest {
    private static BoundSql bind(String sql, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return NamedParameters.parse(sql).bind(values);
    }

    @Test
    void aParameterBecomesAPlaceholderEachTimeItAppears() {
        BoundSql sql = bind("SELECT * FROM t WHERE a = :a OR b = :a AND c = :c_1", "a", 1, "c_1", "x");

        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a = ? OR b = ? AND c = ?");
        assertThat(sql.shownParams()).containsExactly(1, 1, "x");
    }

    @Test
    void literalsIdentifiersCommentsAndCastsHoldNoParameters() {
        String text = "SELECT ':a', 'it''s :b', \":c\", E'\\':d', $$ :e $$, $q$ :f $q$, x::int, y::text[] -- :g\n"
                + " /* :h /* :i */ :j */ FROM t WHERE k = :k";

        NamedParameters parsed = NamedParameters.parse(text);

        assertThat(parsed.names()).containsExactly("k");
        assertThat(parsed.bind(Map.of("k", 1)).sql()).isEqualTo(text.replace(":k", "?"));
    }

    @Test
    void aBackslashEscapesAColon() {
        assertThat(bind("SELECT arr[1\\:2] FROM t").sql()).isEqualTo("SELECT arr[1:2] FROM t");
    }

    @Test
    void aCollectionBindsOnePlaceholderPerElement() {
        BoundSql sql = bind("SELECT * FROM t WHERE id IN (:ids)", "ids", List.of(3, 1, 2));

        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE id IN (?, ?, ?)");
        assertThat(sql.shownParams()).containsExactly(3, 1, 2);
    }

    @Test
    void missingExtraAndEmptyBindsAreRefusedNamingTheParameters() {
        assertThatThrownBy(() -> bind("SELECT :a, :b", "a", 1, "z", 2)).isInstanceOf(TenonException.class)
                .hasMessageContaining("no value bound for :b").hasMessageContaining("bound :z but the statement has no such parameter");
        assertThatThrownBy(() -> bind("SELECT 1 WHERE x IN (:ids)", "ids", List.of())).hasMessageContaining("empty collection");
    }

    @Test
    void positionalParametersAndUnterminatedTextAreRefused() {
        assertThatThrownBy(() -> NamedParameters.parse("SELECT * FROM t WHERE a = ?")).hasMessageContaining("positional parameter");
        assertThat(NamedParameters.parse("SELECT j ?? 'k' FROM t").names()).isEmpty();
        assertThatThrownBy(() -> NamedParameters.parse("SELECT 'open")).hasMessageContaining("unterminated string literal");
        assertThatThrownBy(() -> NamedParameters.parse("SELECT 1 /* open")).hasMessageContaining("unterminated comment");
        assertThatThrownBy(() -> NamedParameters.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void hostileValuesNeverReachTheText() {
        BoundSql sql = bind("SELECT * FROM t WHERE name = :name", "name", "'; DROP TABLE t; --");

        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE name = ?");
        assertThat(sql.shownParams()).containsExactly("'; DROP TABLE t; --");
    }
}
