/**
 * The loader engine, the heart of Tenon: how a query's rows become an object graph and how each relationship is
 * loaded. {@link dev.tenon.loading.QueryExecutor} compiles a query ({@code QueryCompiler}), runs it, assembles objects
 * through the identity map ({@code ResultAssembler}, {@code EntityReader}), and hands every relationship to its
 * strategy, one class each behind {@code RelationshipLoader}: {@code LazyLoader} (the N+1 problem, with the
 * {@link dev.tenon.loading.NPlusOneDetector} and batched lazy loading), {@code JoinedLoader}, {@code SelectInLoader},
 * {@code SubqueryLoader}, {@code DynamicLoader}, {@code RaiseLoader}, {@code NoLoadLoader}, registered in
 * {@code Loaders}. The statement that loads the children of many parents at once is {@code ChildrenByKeys}, used by
 * selectin, lazy and subquery loading alike.
 *
 * <p>Reading a row is the path every query pays per row, so it does the per-row work once, while the row's objects
 * are in the CPU cache: the entity's columns are read and assigned by its generated
 * {@link dev.tenon.metadata.ColumnAccess}, the object is looked up in the identity map by its key alone, and a
 * strategy with work per parent (a lazy stand-in to install) does it then, through its processor, rather than in
 * another pass over every parent after the statement.
 *
 * <p>Depends on the core, {@code identity}, {@code query} and {@code proxy}; never on {@code session}, which it
 * reaches only through {@link dev.tenon.loading.LoadContext}.
 */
package dev.tenon.loading;
