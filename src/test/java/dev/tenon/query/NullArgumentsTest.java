package dev.tenon.query;

import static dev.tenon.query.Condition.and;
import static dev.tenon.query.Condition.eq;
import static dev.tenon.query.Condition.gt;
import static dev.tenon.query.Condition.in;
import static dev.tenon.query.Condition.isNotNull;
import static dev.tenon.query.Condition.isNull;
import static dev.tenon.query.Condition.like;
import static dev.tenon.query.Condition.not;
import static dev.tenon.query.Condition.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Emp;
import dev.tenon.exception.TenonException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A null where the query API expects a name, a value list or a condition fails at once, when the query is built, with
 * Tenon's exception naming the call and the argument, not with a NullPointerException from deep inside.
 */
class NullArgumentsTest {
    private final Query<Emp> query = Query.of(Emp.class, null);

    @Test
    void aNullPathOfAComparisonIsNamed() {
        assertThatThrownBy(() -> eq(null, 1)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("eq(null, ...): the attribute path is null");
        assertThatThrownBy(() -> gt(null, 1)).isInstanceOf(TenonException.class).hasMessageStartingWith("gt(null, ...)");
    }

    @Test
    void aNullPathOfIsNullIsNamed() {
        assertThatThrownBy(() -> isNull(null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("isNull(null, ...): the attribute path is null");
        assertThatThrownBy(() -> isNotNull(null)).isInstanceOf(TenonException.class).hasMessageStartingWith("isNotNull(null, ...)");
    }

    @Test
    void aNullListOfValuesIsNamed() {
        assertThatThrownBy(() -> in("code", (List<?>) null)).isInstanceOf(TenonException.class)
                .hasMessage("in(\"code\", null): the values are null; pass a list of values (an empty one matches nothing)");
        assertThatThrownBy(() -> in("code", (Object[]) null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("in(\"code\", null)");
    }

    @Test
    void aNullAmongTheValuesIsNamedWithTheFix() {
        assertThatThrownBy(() -> in("code", Arrays.asList(1, null))).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("in(\"code\", ...): value 1 is null").hasMessageContaining("isNull(\"code\")");
    }

    @Test
    void aNullPatternOrTermIsNamed() {
        assertThatThrownBy(() -> like("ename", null)).isInstanceOf(TenonException.class).hasMessageStartingWith("like(\"ename\", null)");
        assertThatThrownBy(() -> not(null)).isInstanceOf(TenonException.class).hasMessageStartingWith("not(null)");
        assertThatThrownBy(() -> and(eq("job", "CLERK"), null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("and(...): condition 1 is null");
        assertThatThrownBy(() -> or((Condition[]) null)).isInstanceOf(TenonException.class).hasMessageStartingWith("or(null)");
    }

    @Test
    void aNullConditionInWhereIsNamed() {
        assertThatThrownBy(() -> query.where((Condition) null)).isInstanceOf(TenonException.class)
                .hasMessage("where(...): condition 0 is null");
        assertThatThrownBy(() -> query.where((Condition[]) null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("where(null)");
    }

    @Test
    void aNullOrderByTermIsNamed() {
        assertThatThrownBy(() -> query.orderBy((String) null)).isInstanceOf(TenonException.class)
                .hasMessage("orderBy(...): term 0 is null");
        assertThatThrownBy(() -> query.orderBy("ename", null)).isInstanceOf(TenonException.class)
                .hasMessage("orderBy(...): term 1 is null");
    }

    @Test
    void aNullRelationshipOfALoadOptionIsNamed() {
        assertThatThrownBy(() -> Load.joined(null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("Load.joined(null): the relationship name is null");
        assertThatThrownBy(() -> Load.lazy(null)).isInstanceOf(TenonException.class).hasMessageStartingWith("Load.lazy(null)");
        assertThatThrownBy(() -> Load.selectin("employees").thenJoined(null)).isInstanceOf(TenonException.class)
                .hasMessageStartingWith("Load.selectin(\"employees\").thenJoined(null)");
        assertThatThrownBy(() -> query.options((Load) null)).isInstanceOf(TenonException.class)
                .hasMessage("options(...): option 0 is null");
    }

    @Test
    void validArgumentsStillBuildTheQuery() {
        Query<Emp> built = query.where(in("empno", List.of(7839, 7788)), like("ename", "S%")).orderBy("ename desc")
                .options(Load.joined("department"));

        assertThat(built.conditions()).hasSize(2);
        assertThat(((Condition.In) built.conditions().get(0)).values()).containsExactly(7839, 7788);
        assertThat(built.orders()).containsExactly(new Query.Order("ename", true));
        assertThat(built.options()).hasSize(1);
    }
}
