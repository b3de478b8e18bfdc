package dev.tenon.engine;

import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.Param;
import java.util.List;

/**
 * Told by the executor of each statement that ran, on the thread that ran it, with what the statement ran for: how a
 * {@link StatementBudget} sees the statements of its session or database. Below the budget, so that the statistics and
 * the executor that tell it know nothing of budgets.
 */
interface StatementObserver {
    /**
     * @param lazyLoad the relationship whose lazy load ran the statement, or null (see {@link Statistics#lazyLoading})
     */
    void ran(StatementKind kind, String sql, List<Param> params, long rows, RelationshipModel lazyLoad);
}
