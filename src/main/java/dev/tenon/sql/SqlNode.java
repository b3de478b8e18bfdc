package dev.tenon.sql;

/** A piece of the SQL tree that renders itself into a {@link SqlWriter}. */
public interface SqlNode {
    /** Writes this node's text and parameters. */
    void render(SqlWriter writer);

    /** This node alone, rendered in {@code dialect}. */
    default BoundSql toBoundSql(Dialect dialect) {
        SqlWriter writer = new SqlWriter(dialect);
        render(writer);
        return writer.toBoundSql();
    }
}
