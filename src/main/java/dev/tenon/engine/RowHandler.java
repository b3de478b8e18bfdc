package dev.tenon.engine;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Called once per row of a result; must not move the cursor or close it (the executor owns it). */
@FunctionalInterface
public interface RowHandler {
    /** Reads the current row. */
    void row(ResultSet row) throws SQLException;
}
