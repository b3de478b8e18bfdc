package dev.tenon.loading;

import dev.tenon.identity.InstanceState;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.BoundSql;
import dev.tenon.sql.Expression;
import dev.tenon.sql.Param;
import dev.tenon.sql.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The loader engine of one session (or of one read-only result): runs compiled statements, assembles their rows
 * ({@link ResultAssembler}), and serves the strategies what they ask ({@link Loading}): the plans of lazy loads and
 * their secondary statements, compiled once in the database's {@link StatementCache}.
 */
final class LoadingEngine implements Loading {
    private final LoadContext context;
    private final StatementCache cache;
    private final PlanValues values;

    LoadingEngine(LoadContext context) {
        this(context, PlanValues.NONE);
    }

    private LoadingEngine(LoadContext context, PlanValues values) {
        this.context = context;
        this.cache = context.statements();
        this.values = values;
    }

    /**
     * This engine for an execution that binds {@code values}: the strategies of its statements, and the lazy loads it
     * installs, see them.
     */
    LoadingEngine bind(PlanValues values) {
        return values.isEmpty() ? this : new LoadingEngine(context, values);
    }

    @Override
    public int limit(LoadNode node) {
        return values.limit(node);
    }

    @Override
    public LoadContext context() {
        return context;
    }

    @Override
    public LoadNode planOf(RelationshipModel relationship) {
        return cache.plan(relationship, () -> LoadPlanner.planRelationship(relationship));
    }

    @Override
    public SecondaryStatement statement(Object key, Supplier<SecondaryStatement> compile) {
        return cache.secondary(key, compile);
    }

    @Override
    public SecondaryStatement compile(LoadNode node, Select select, Aliases aliases, String alias, List<Expression> keys,
                                      List<ColumnModel> keyColumns) {
        Layout layout = new Layout();
        new StatementShaper(select, aliases, layout).read(node, alias, false);
        int firstKey = select.items().size() + 1;
        for (Expression key : keys) {
            select.select(key, null);
        }
        return new SecondaryStatement(select.toBoundSql(context.dialect()).sql(), node, layout.seal(), firstKey, keyColumns);
    }

    /**
     * Runs a query's statement: the distinct root objects, in row order, with their relationships loaded. A statement
     * that {@code locks} rows runs in the session's transaction, begun for it if need be, so that the locks outlast it.
     */
    List<Object> run(CompiledQuery query, List<Param> params, ParentSource source, Object origin, boolean locks) {
        ResultAssembler assembler = assembler(query, source, origin);
        BoundSql sql = new BoundSql(query.sql(), params);
        if (locks) {
            context.transaction().queryInTransaction(sql, assembler::row);
        } else {
            context.transaction().query(sql, assembler::row);
        }
        assembler.finish();
        return assembler.rootObjects();
    }

    /** An execution of a query's statement, whose rows the caller reads (a stream). */
    ResultAssembler assembler(CompiledQuery query, ParentSource source, Object origin) {
        return new ResultAssembler(this, query.root(), query.layout(), source, origin);
    }

    /**
     * Runs a secondary statement and sorts its rows by parent: each row carries, after the child's own columns, the
     * key of the parent it belongs to.
     */
    @Override
    public Map<Object, List<Object>> run(SecondaryStatement statement, List<Param> params, Object onlyKey) {
        LoadNode node = statement.node();
        ResultAssembler assembler = new ResultAssembler(this, node, statement.layout(), ParentSource.NONE,
                new ResultAssembler.Origin("load", node.relationship));
        Map<Object, List<Object>> byParent = new HashMap<>();
        List<ColumnModel> keyColumns = statement.keyColumns();
        int firstKey = statement.firstKey();
        // A child seen for the first time in this statement cannot be in any parent's list yet; only a child that
        // comes again (a many-to-many, or rows repeated by a joined collection below) needs looking up. The rows of
        // one parent usually follow each other: its list is asked for once per run of rows.
        Map<Object, Set<Object>> seen = new HashMap<>();
        Object[] last = {null, null};
        context.transaction().query(new BoundSql(statement.sql(), params), row -> {
            InstanceState child = assembler.row(row);
            Object key = onlyKey != null ? onlyKey : keyColumns.isEmpty() ? null : parentKey(row, keyColumns, firstKey);
            if (child == null || key == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Object> members = key.equals(last[0]) ? (List<Object>) last[1] : byParent.computeIfAbsent(key, k -> new ArrayList<>());
            last[0] = key;
            last[1] = members;
            if (assembler.rootWasNew()) {
                members.add(child.object());
                Set<Object> known = seen.isEmpty() ? null : seen.get(key);
                if (known != null) {
                    known.add(child.object());
                }
            } else if (seen.computeIfAbsent(key, k -> identitySet(members)).add(child.object())) {
                members.add(child.object());
            }
        });
        assembler.finish();
        return byParent;
    }

    private static Object parentKey(ResultSet row, List<ColumnModel> keyColumns, int firstKey) throws SQLException {
        if (keyColumns.size() == 1) {
            return keyColumns.get(0).type().read(row, firstKey);
        }
        List<Object> values = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            values.add(keyColumns.get(i).type().read(row, firstKey + i));
        }
        return Keys.identity(values);
    }

    private static Set<Object> identitySet(List<Object> members) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(members);
        return set;
    }
}
