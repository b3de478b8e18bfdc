package dev.tenon.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT statement under construction: columns, one FROM item, joins, WHERE, GROUP BY, HAVING, ORDER BY,
 * LIMIT/OFFSET, and a row-locking clause. Mutable while a loader shapes it, then rendered once.
 *
 * <pre>{@code
 * SELECT "dept_1"."deptno", "dept_1"."dname" FROM "scott"."dept" "dept_1" WHERE ... ORDER BY ... LIMIT ?
 * }</pre>
 */
public final class Select implements SqlNode {
    /** A selected expression and the label it is known by outside a subquery (null for none). */
    public record Item(Expression expression, String label) {
    }

    /** An ORDER BY term. */
    public record Order(Expression expression, boolean descending) {
    }

    /** A join of another FROM item. */
    public record Join(boolean outer, FromItem item, Expression on) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<Join> joins = new ArrayList<>();
    private final List<Expression> where = new ArrayList<>();
    private final List<Order> orderBy = new ArrayList<>();
    private final List<Expression> groupBy = new ArrayList<>();
    private final List<Expression> having = new ArrayList<>();
    private FromItem from;
    private boolean distinct;
    private Integer limit;
    private Integer offset;
    private RowLock lock;
    private String lockedAlias;

    /** An empty SELECT, to be filled by the builder methods. */
    public Select() {
    }

    /** Adds a selected expression; returns its position (1-based), as read from the ResultSet. */
    public int select(Expression expression, String label) {
        items.add(new Item(expression, label));
        return items.size();
    }

    /** Sets the FROM item. */
    public Select from(FromItem item) {
        this.from = item;
        return this;
    }

    /** Adds a join. */
    public Select join(boolean outer, FromItem item, Expression on) {
        joins.add(new Join(outer, item, on));
        return this;
    }

    /** ANDs a condition into the WHERE clause. */
    public Select where(Expression condition) {
        where.add(condition);
        return this;
    }

    /** Appends a GROUP BY term. */
    public Select groupBy(Expression expression) {
        groupBy.add(expression);
        return this;
    }

    /** ANDs a condition into the HAVING clause. */
    public Select having(Expression condition) {
        having.add(condition);
        return this;
    }

    /** Appends an ORDER BY term. */
    public Select orderBy(Expression expression, boolean descending) {
        orderBy.add(new Order(expression, descending));
        return this;
    }

    /** SELECT DISTINCT. */
    public Select distinct(boolean value) {
        this.distinct = value;
        return this;
    }

    /** LIMIT, or null for none. */
    public Select limit(Integer value) {
        this.limit = value;
        return this;
    }

    /** OFFSET, or null for none. */
    public Select offset(Integer value) {
        this.offset = value;
        return this;
    }

    /**
     * Locks the rows this SELECT reads from the FROM item or join known as {@code alias}, and those only, as far as the
     * database can tell them apart (see {@link Dialect#renderLock}); null for no lock.
     */
    public Select lock(RowLock value, String alias) {
        this.lock = value;
        this.lockedAlias = alias;
        return this;
    }

    /** The row lock, or null. */
    public RowLock lock() {
        return lock;
    }

    /** Whether another table is inner-joined: a database without {@code FOR UPDATE OF} would lock its rows too. */
    public boolean hasInnerJoin() {
        return joins.stream().anyMatch(join -> !join.outer());
    }

    /** The selected items so far. */
    public List<Item> items() {
        return items;
    }

    /** The FROM item. */
    public FromItem from() {
        return from;
    }

    /** The WHERE conditions, ANDed. */
    public List<Expression> whereConditions() {
        return where;
    }

    /** The ORDER BY terms. */
    public List<Order> orderTerms() {
        return orderBy;
    }

    /** The joins. */
    public List<Join> joins() {
        return joins;
    }

    /** LIMIT, or null. */
    public Integer limit() {
        return limit;
    }

    /** OFFSET, or null. */
    public Integer offset() {
        return offset;
    }

    @Override
    public void render(SqlWriter writer) {
        writer.append(distinct ? "SELECT DISTINCT " : "SELECT ");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            writer.append(i == 0 ? "" : ", ").node(item.expression());
            if (item.label() != null) {
                writer.append(" AS ").identifier(item.label());
            }
        }
        writer.append(" FROM ").node(from);
        for (Join join : joins) {
            writer.append(join.outer() ? " LEFT OUTER JOIN " : " JOIN ").node(join.item()).append(" ON ").node(join.on());
        }
        if (!where.isEmpty()) {
            writer.append(" WHERE ").node(Expression.and(where));
        }
        for (int i = 0; i < groupBy.size(); i++) {
            writer.append(i == 0 ? " GROUP BY " : ", ").node(groupBy.get(i));
        }
        if (!having.isEmpty()) {
            writer.append(" HAVING ").node(Expression.and(having));
        }
        for (int i = 0; i < orderBy.size(); i++) {
            writer.append(i == 0 ? " ORDER BY " : ", ").node(orderBy.get(i).expression());
            if (orderBy.get(i).descending()) {
                writer.append(" DESC");
            }
        }
        if (limit != null) {
            writer.append(" LIMIT ").param(limit, null);
        }
        if (offset != null) {
            writer.append(" OFFSET ").param(offset, null);
        }
        if (lock != null) {
            writer.dialect().renderLock(writer, lock, lockedAlias, !joins.isEmpty(), hasInnerJoin());
        }
    }
}
