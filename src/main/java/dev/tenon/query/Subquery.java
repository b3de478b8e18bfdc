package dev.tenon.query;

import dev.tenon.exception.TenonException;
import java.util.List;

/**
 * A query of one entity that selects one attribute, to be nested in a condition: {@link Condition#in(String, Subquery)}
 * and {@link Condition#notIn(String, Subquery)}. Made by {@link Query#attribute(String)}; it keeps the query's entity,
 * conditions and attribute only, not its session, so that a compiled statement caching its shape holds no session.
 *
 * <pre>{@code
 * Subquery richDepartments = session.select(Emp.class).where(gt("sal", 2000)).attribute("deptno");
 * session.select(Dept.class).where(in("deptno", richDepartments)).list();
 * // ... WHERE dept_1.deptno IN (SELECT emp_1.deptno FROM scott.emp emp_1 WHERE emp_1.sal > ?)
 * }</pre>
 *
 * @param type       the entity the subquery reads
 * @param conditions its WHERE conditions, ANDed, over that entity's attributes
 * @param attribute  the attribute it selects: a column, or a path through to-one relationships
 */
public record Subquery(Class<?> type, List<Condition> conditions, String attribute) {
    /** Checks the parts and copies the conditions. */
    public Subquery {
        if (type == null || conditions == null) {
            throw new TenonException("Subquery: the " + (type == null ? "entity type is" : "conditions are") + " null; make one with "
                    + "session.select(Entity.class).where(...).attribute(\"name\")");
        }
        if (attribute == null) {
            throw new TenonException("attribute(null): name the attribute the subquery selects, e.g. attribute(\"deptno\")");
        }
        conditions = List.copyOf(conditions);
    }
}
