package dev.tenon.loading;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Param;
import dev.tenon.sql.Select;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The loader engine as a strategy sees it: the session, the plan of a relationship loaded on its own, and the
 * secondary statements a strategy runs (the children of many parents), compiled once, cached, and run. Strategies
 * share these and never call one another.
 */
interface Loading {
    /** The session the load runs in. */
    LoadContext context();

    /** The plan for loading {@code relationship} on its own (a lazy load): its target's relationships by their mapping. */
    LoadNode planOf(RelationshipModel relationship);

    /**
     * The secondary statement cached under {@code key} (which must tell every statement shape apart, the plan node
     * included), compiled by {@code compile} the first time.
     */
    SecondaryStatement statement(Object key, Supplier<SecondaryStatement> compile);

    /**
     * Completes a secondary statement whose FROM (and WHERE) the caller wrote: the columns of {@code node}'s entity
     * read from {@code alias}, the relationship's ORDER BY, whatever the strategies below {@code node} add, and last the
     * parent key of each row ({@code keys}, typed like {@code keyColumns}).
     */
    SecondaryStatement compile(LoadNode node, Select select, Aliases aliases, String alias, List<Expression> keys,
                               List<ColumnModel> keyColumns);

    /**
     * The members per parent a top-N node ({@link LoadNode#limited}) keeps in this execution, bound as a parameter
     * (see {@link TopN}).
     */
    int limit(LoadNode node);

    /**
     * Runs a secondary statement with its parameters.
     *
     * @param onlyKey the one parent key the statement was bound with, whose rows need not say whose they are; null
     *                when the rows' own parent-key columns tell
     * @return the children of each parent key, in row order (nothing when the statement reads no parent key)
     */
    Map<Object, List<Object>> run(SecondaryStatement statement, List<Param> params, Object onlyKey);
}
