package dev.tenon.ddl;

import dev.tenon.sql.Dialect;

/** One DDL statement, rendered per dialect. Each kind of statement is a class of its own. */
public interface DdlStatement {
    /** The statement's text in {@code dialect}. */
    String sql(Dialect dialect);
}
