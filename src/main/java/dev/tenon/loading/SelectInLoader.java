package dev.tenon.loading;

/**
 * Selectin eager loading: after the parents' statement, one statement per batch of parents (the session's
 * {@code selectinBatchSize}, 500 by default, or the option's {@code Load.selectin("employees").batchSize(n)})
 * selects the children whose foreign key is in the parents' keys:
 * {@code SELECT ... FROM emp WHERE emp.deptno = ANY(?)}, one array bound. Two statements for any number of parents up
 * to a batch: best for large collections. For a many-to-one, it loads the distinct targets the identity map does not
 * hold yet. The statement itself is {@link ChildrenByKeys}, which lazy and subquery loading use too.
 */
final class SelectInLoader implements RelationshipLoader {
    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        return Rows.after(parents -> ChildrenByKeys.load(loading, node, parents, node.batchSize(loading.context().selectinBatchSize())));
    }
}
