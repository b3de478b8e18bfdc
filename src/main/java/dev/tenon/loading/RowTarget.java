package dev.tenon.loading;

import java.sql.ResultSet;
import java.sql.SQLException;

/** What one row of a projection becomes: an {@code Object[]}, a record, or its one value. */
@FunctionalInterface
interface RowTarget {
    /** Reads the current row (without moving the cursor). */
    Object read(ResultSet row) throws SQLException;
}
