/**
 * The loader engine, the heart of Tenon: how a query's rows become an object graph, and how each relationship is
 * loaded. Read it in this order.
 *
 * <ol>
 *   <li><b>The contract.</b> {@link dev.tenon.loading.RelationshipLoader} is a strategy, whole: SQLAlchemy's hooks
 *   (shape the statement; work on each row; work after the rows) and two questions (does it repeat parents over rows;
 *   can it stream). One class per strategy: {@code LazyLoader} (the N+1 problem, and its batched cure),
 *   {@code JoinedLoader} (all of joined loading, its SQL included), {@code SelectInLoader}, {@code SubqueryLoader},
 *   {@code NestedLoader} (a collection as a JSON array in its parents' row, read by {@code JsonRows} and seen as a row
 *   by {@code JsonRowView}, its children's own relationships served by {@code NestedChildren}),
 *   {@code DynamicLoader}, {@code RaiseLoader}, {@code NoLoadLoader}; {@code Loaders} is the registry. A strategy sees
 *   the statement being compiled through {@code Shaping}, the rows through {@code RowReader}, and the engine through
 *   {@code Loading}; strategies never call one another. The pieces they share live in one place each: {@code Keys}
 *   (the keys of an object), {@code ChildrenByKeys} (the statement that loads the children of many parents),
 *   {@code TopN} (that statement keeping the first members of each parent, through {@code ROW_NUMBER()}),
 *   {@code Assign} (a loaded or lazy collection).</li>
 *   <li><b>The plan, compiled once.</b> {@code LoadPlanner} turns a query's options and the mapping into a
 *   {@code LoadNode} tree, an immutable value. {@code QueryCompiler} writes the SQL, letting each strategy shape it
 *   ({@code StatementShaper}) and writing the WHERE clause with {@code ConditionWriter} (paths through {@code PathResolver};
 *   EXISTS and IN subqueries), into a {@code CompiledQuery} with its own {@code Layout} of column positions;
 *   {@code QueryValues} tells the query's shape (what it is cached by) from its values (what each execution binds),
 *   and {@code PlanValues} the values its plan binds (the limit of a top-N load).
 *   {@link dev.tenon.loading.StatementCache} keeps every compiled statement for all the sessions and threads of a
 *   database: queries by shape, secondary statements ({@code SecondaryStatement}) by node and shape, lazy plans by
 *   relationship. Nothing cached is written after it is compiled. {@code PlanExplainer} shows a compiled plan as a
 *   {@link dev.tenon.query.LoadPlan} ({@code query.explain()}): each node's origin and rules, how its statements grow,
 *   and their SQL, compiled by the strategies' own code and run by none.</li>
 *   <li><b>One execution.</b> {@link dev.tenon.loading.QueryExecutor} is the front: it finds the compiled statement,
 *   binds the values and hands it to the {@code LoadingEngine}, which runs it and assembles the rows
 *   ({@code ResultAssembler}, with {@code EntityReader} for one entity of a row) while each strategy does its part; a
 *   stream does the same a chunk at a time ({@code Chunks}). A read-only query runs in an engine whose identity map
 *   is its own ({@code ReadOnlyContext}). The {@link dev.tenon.loading.NPlusOneDetector} counts the statements of lazy loads. A
 *   hand-written statement's entities are read the same way ({@code StatementLoader}, its columns found by name by
 *   {@code ColumnsByName}), and a bulk write's WHERE clause is a query's ({@link dev.tenon.loading.RowFilter}).</li>
 *   <li><b>Projections</b>, beside the engine rather than in it: no objects, so no plan and no strategies.
 *   {@code ProjectionCompiler} writes the SQL on the entity query's core (its joins shared through the
 *   {@code PathResolver}), each column a {@code ProjectedColumn}, order and having terms resolved by {@code Terms};
 *   {@code CompiledProjection} is cached by the shape {@code ProjectionValues} tells; {@code ProjectionExecutor}
 *   reads each row straight into its {@code RowTarget} ({@code RecordTarget} for a record).</li>
 * </ol>
 *
 * <p>Reading a row is the path every query pays per row, so it does the per-row work once, while the row's objects are
 * in the CPU cache: the entity's columns are read and assigned by its generated
 * {@link dev.tenon.metadata.ColumnAccess}, the object is looked up in the identity map by its key alone (or not at all,
 * for a query's distinct root rows read into a map that held none of them), and each strategy with work per row does
 * it then, rather than in another pass over every parent after the statement.
 *
 * <p>Depends on the core, {@code api}, {@code identity}, {@code query} and {@code proxy}; never on {@code session},
 * which it reaches only through {@link dev.tenon.loading.LoadContext}. No type of the package depends on itself
 * through the others (tested).
 */
package dev.tenon.loading;
