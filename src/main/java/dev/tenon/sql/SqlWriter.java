package dev.tenon.sql;

import dev.tenon.metadata.ColumnType;
import dev.tenon.metadata.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates SQL text and its parameters while a tree of {@link SqlNode}s renders itself. Identifiers go
 * through the dialect's quoting; values only ever become parameters.
 */
public final class SqlWriter {
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Param> params = new ArrayList<>();

    /** A writer for one statement in {@code dialect}. */
    public SqlWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect rendering this statement. */
    public Dialect dialect() {
        return dialect;
    }

    /** Appends SQL keywords or punctuation written by Tenon itself. */
    public SqlWriter append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends an identifier, quoted if the dialect says it must be. */
    public SqlWriter identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    /** Appends a table name with its schema. */
    public SqlWriter table(TableModel table) {
        if (table.schema() != null) {
            identifier(table.schema()).append(".");
        }
        return identifier(table.name());
    }

    /** Appends a placeholder and records its value. */
    public SqlWriter param(Object value, ColumnType type) {
        return param(new ValueParam(value, type));
    }

    /** Appends a placeholder for a prepared parameter. */
    public SqlWriter param(Param param) {
        sql.append('?');
        params.add(param);
        return this;
    }

    /** Renders a node into this writer. */
    public SqlWriter node(SqlNode node) {
        node.render(this);
        return this;
    }

    /** The statement so far. */
    public BoundSql toBoundSql() {
        return new BoundSql(sql.toString(), params);
    }
}
