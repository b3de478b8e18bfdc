package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reader of nested loading's JSON arrays: the shapes both databases write, and nothing else. */
class JsonRowsTest {
    @Test
    void readsBothDatabasesSpacingAndEveryScalar() {
        List<Object[]> rows = JsonRows.parse("[{\"c1\" : 1, \"c2\" : \"a\\\"}]\\\\\\u00e9\\ud83d\\ude00\", \"c3\" : 1000.00}, \n "
                + "{\"c1\":-2,\"c2\":null,\"c3\":1.5E300}]", 3);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(new JsonRows.Number("1"), "a\"}]\\\u00e9\ud83d\ude00", new JsonRows.Number("1000.00"));
        assertThat(rows.get(1)).containsExactly(new JsonRows.Number("-2"), null, new JsonRows.Number("1.5E300"));
        assertThat(JsonRows.parse("[{\"c2\": true, \"c1\": false}]", 2).get(0)).containsExactly(false, true);
        assertThat(JsonRows.parse("[]", 2)).isEmpty();
    }

    @Test
    void refusesAnythingElseSayingWhereButNotWhat() {
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": 1}]", 2)).hasMessage("expected ',' at character 9 of 11");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": 1, \"c1\": 2}]", 2)).hasMessageContaining("a key not seen before");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c3\": 1}]", 2)).hasMessageContaining("a key \"c1\" to \"c2\"");
        assertThatThrownBy(() -> JsonRows.parse("[{\"name\": 1}]", 1)).hasMessageContaining("a key");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": {\"a\": 1}}]", 1)).hasMessageContaining("a string, a number");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": 01}]", 1)).hasMessageContaining("'}'");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": \"a\u0001\"}]", 1)).hasMessageContaining("control character");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": \"\\x\"}]", 1)).hasMessageContaining("an escape");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": \"open}]", 1)).hasMessageContaining("the end of a string");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": 1}] x", 1)).hasMessageContaining("the end of the text");
        assertThatThrownBy(() -> JsonRows.parse("[{\"c1\": 1.}]", 1)).hasMessageContaining("a digit after the decimal point");
    }
}
