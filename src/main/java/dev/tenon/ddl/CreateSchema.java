package dev.tenon.ddl;

import dev.tenon.sql.Dialect;

/** {@code CREATE SCHEMA IF NOT EXISTS scott}: harmless when the schema exists, on both databases. */
record CreateSchema(String schema) implements DdlStatement {
    @Override
    public String sql(Dialect dialect) {
        return "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema);
    }
}
