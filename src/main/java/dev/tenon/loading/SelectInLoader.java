package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import java.util.List;

/**
 * Selectin eager loading: after the parents' statement, one statement per batch of parents (the session's
 * {@code selectinBatchSize}, 500 by default, or the option's {@code Load.selectin("employees").batchSize(n)})
 * selects the children whose foreign key is in the parents' keys:
 * {@code SELECT ... FROM emp WHERE emp.deptno IN (?, ?, ...)} on H2, {@code ... = ANY(?)} with one array on
 * PostgreSQL. Two statements for any number of parents up to a batch: best for large collections.
 * For a many-to-one, it loads the distinct targets the identity map does not hold yet.
 * The statement itself is {@link ChildrenByKeys}, which lazy and subquery loading use too.
 */
final class SelectInLoader implements RelationshipLoader {
    @Override
    public void load(LoadContext context, LoadNode node, List<InstanceState> parents, Object statement, ParentSource source) {
        ChildrenByKeys.load(context, node, parents, node.batchSize(context));
    }
}
