package dev.tenon.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A value bound to one {@code ?} of a statement. */
public interface Param {
    /** Binds the value as parameter {@code index} of {@code statement}. */
    void bind(PreparedStatement statement, int index, Dialect dialect) throws SQLException;

    /** The value as shown in the log ({@code tenon.sql.bind} at TRACE). */
    Object shown();
}
