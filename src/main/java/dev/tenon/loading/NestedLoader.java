package dev.tenon.loading;

import dev.tenon.annotation.Lazy;
import dev.tenon.exception.MappingException;
import dev.tenon.exception.TenonException;
import dev.tenon.identity.IdentityMap;
import dev.tenon.identity.InstanceState;
import dev.tenon.identity.ResultGroup;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.metadata.RelationshipModel.Direction;
import dev.tenon.metadata.SqlType;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Nested loading (jOOQ's MULTISET): a collection in its parents' own statement, one JSON array per parent built by a
 * correlated subquery in the SELECT list,
 * {@code (SELECT json_agg(json_build_object('c1', e.empno, ...) ORDER BY e.empno) FROM emp e WHERE e.deptno = d.deptno)}
 * on PostgreSQL, {@code JSON_ARRAYAGG(JSON_OBJECT('c1': e.empno, ...) ORDER BY e.empno)} on H2 (the dialect writes
 * it). One statement, like joined loading, but each parent stays one row, so sibling collections do not multiply each
 * other, a LIMIT counts parents as written, and a stream can cut its rows anywhere. The database builds the JSON and
 * the client parses it: what that costs against joined and selectin is measured in the README.
 *
 * <p>The children are read from the JSON through the identity map ({@link JsonRowView}: a child the session holds is
 * that object), and their own relationships get what their strategies give any loaded object. A strategy below that
 * would need the statement itself (a joined or nested relationship of the children) cannot read JSON: those
 * relationships are loaded by keys after the statement, one more statement each, as selectin would. A statement the
 * loader did not shape (a hand-written one) gets the whole collection that way too.
 */
final class NestedLoader implements RelationshipLoader {
    /** A PostgreSQL function takes at most 100 arguments: a key and a value per column. */
    private static final int MAX_COLUMNS = 50;

    /** The strategies, for the children's own relationships: the registry's, handed over so as not to name it. */
    private final Function<Lazy, RelationshipLoader> strategies;

    NestedLoader(Function<Lazy, RelationshipLoader> strategies) {
        this.strategies = strategies;
    }

    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public void shape(Shaping statement, LoadNode parent, LoadNode node) {
        RelationshipModel relationship = node.relationship;
        refuse(relationship, node);
        String alias = statement.alias(node.entity.table().name());
        Select children = new Select().from(new FromItem.TableRef(node.entity.table(), alias));
        String parentAlias = statement.aliasOf(parent);
        if (relationship.direction() == Direction.MANY_TO_MANY) {
            String link = statement.alias(relationship.secondary().name());
            children.join(false, new FromItem.TableRef(relationship.secondary(), link), Expression.joinOn(link,
                    relationship.secondaryForeignKey().columns(), alias, relationship.secondaryForeignKey().targetColumns()));
            children.where(Expression.joinOn(parentAlias, relationship.ownerColumns(), link, relationship.remoteColumns()));
        } else {
            children.where(Expression.joinOn(parentAlias, relationship.ownerColumns(), alias, relationship.remoteColumns()));
        }
        List<Expression> values = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        for (ColumnModel column : node.entity.columns()) {
            values.add(Expression.column(alias, column));
            types.add(column.type().sqlType());
        }
        // The relationship's order, then the key: the array's order is the collection's, the same on every run.
        List<Select.Order> order = new ArrayList<>();
        List<ColumnModel> ordered = new ArrayList<>();
        for (RelationshipModel.Order term : relationship.orderBy()) {
            order.add(new Select.Order(Expression.column(alias, term.column()), term.descending()));
            ordered.add(term.column());
        }
        for (ColumnModel column : node.entity.primaryKey()) {
            if (!ordered.contains(column)) {
                order.add(new Select.Order(Expression.column(alias, column), false));
            }
        }
        children.select(writer -> writer.dialect().renderJsonRows(writer, values, types, order), null);
        statement.column(node, writer -> writer.append("(").node(children).append(")"));
    }

    /** What nested loading cannot read back from JSON, refused before any SQL with what to do instead. */
    private static void refuse(RelationshipModel relationship, LoadNode node) {
        String instead = "; load it with Load.selectin(\"" + relationship.name() + "\") or Load.joined(\"" + relationship.name() + "\")";
        if (!relationship.collection()) {
            throw new MappingException("Load.nested(\"" + relationship.name() + "\"): " + relationship + " is a reference, and "
                    + "nested loading reads collections" + instead);
        }
        for (ColumnModel column : node.entity.columns()) {
            SqlType type = column.type().sqlType();
            if (type == SqlType.BINARY || type == SqlType.ARRAY) {
                throw new MappingException("Load.nested(\"" + relationship.name() + "\"): " + node.entity.name() + "." + column.name()
                        + " is a " + type + " column, which nested loading does not read back from JSON" + instead);
            }
        }
        if (node.entity.columns().size() > MAX_COLUMNS) {
            throw new MappingException("Load.nested(\"" + relationship.name() + "\"): " + node.entity.name() + " has "
                    + node.entity.columns().size() + " columns, and a JSON object of nested loading holds at most " + MAX_COLUMNS
                    + " (PostgreSQL's functions take 100 arguments)" + instead);
        }
    }

    @Override
    public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
        int column = reader.columnOf(node);
        if (column == 0) {
            return Rows.after(parents -> ChildrenByKeys.load(loading, node, parents, node.batchSize(loading.context().selectinBatchSize())));
        }
        return new Members(loading, node, reader, column, strategies);
    }

    /** What the children's group came from, written only when a message needs it: {@code nested Dept.employees}. */
    private record Origin(RelationshipModel relationship) {
        @Override
        public String toString() {
            return "nested " + relationship;
        }
    }

    /** Each new parent's collection, read from its row's JSON array; the children's own relationships after. */
    private static final class Members implements Rows {
        private final Loading loading;
        private final LoadNode node;
        private final int column;
        private final Object token;
        private final IdentityMap identityMap;
        private final JsonRowView view = new JsonRowView();
        private final Object[] buffer;
        private final ResultGroup group;
        private final NestedChildren below;
        /** The parents read and their members, assigned once the rows are read (see {@link #finish}). */
        private final List<InstanceState> parents = new ArrayList<>();
        private final List<List<Object>> memberLists = new ArrayList<>();

        Members(Loading loading, LoadNode node, RowReader reader, int column, Function<Lazy, RelationshipLoader> strategies) {
            this.loading = loading;
            this.node = node;
            this.column = column;
            this.token = reader.token();
            this.identityMap = loading.context().identityMap();
            this.buffer = new Object[node.entity.columns().size()];
            this.group = new ResultGroup(new Origin(node.relationship), token);
            identityMap.register(group);
            this.below = new NestedChildren(loading, node, reader, strategies);
        }

        @Override
        public void row(InstanceState parent, boolean newParent, ResultSet row) throws SQLException {
            if (!newParent || parent.isLoaded(node.relationship)) {
                return;
            }
            String json = row.getString(column);
            List<Object> members = new ArrayList<>();
            if (json != null) {
                for (Object[] values : parse(json)) {
                    view.show(values);
                    InstanceState child = read();
                    boolean isNew = group.add(child);
                    child.group(group);
                    below.row(child, isNew);
                    members.add(child.object());
                }
            }
            parents.add(parent);
            memberLists.add(members);
        }

        private List<Object[]> parse(String json) {
            try {
                return JsonRows.parse(json, node.entity.columns().size());
            } catch (IllegalArgumentException e) {
                throw new TenonException("nested loading of " + node.relationship + ": the database's JSON array is not the "
                        + "shape the statement asks for (" + e.getMessage() + ")", e);
            }
        }

        /** The child of the values shown, through the identity map, its columns converted exactly or not at all. */
        private InstanceState read() throws SQLException {
            try {
                Object id = EntityReader.key(view.row(), node.entity, 1);
                if (id == null) {
                    throw new TenonException("nested loading of " + node.relationship + ": a child's primary key is null in the JSON");
                }
                return EntityReader.read(view.row(), node.entity, 1, id, identityMap, token, buffer);
            } catch (RuntimeException e) {
                if (e instanceof TenonException) {
                    throw e;
                }
                throw new TenonException("nested loading of " + node.relationship + ": a value of " + node.entity.name()
                        + " in the JSON does not convert to its column's type exactly (" + e.getClass().getSimpleName()
                        + "); load the relationship with selectin instead", e);
            }
        }

        /**
         * The collections are assigned only now, as joined loading assigns its own: in a self-referential collection
         * (an employee's reports) a parent of one row is a child in another row's JSON, where the lazy stand-ins its
         * children get would otherwise replace the collection its own row loaded.
         */
        @Override
        public void finish(List<InstanceState> statementParents) {
            for (int i = 0; i < parents.size(); i++) {
                Assign.members(parents.get(i), node.relationship, memberLists.get(i));
            }
            below.finish(group.members());
        }
    }
}
