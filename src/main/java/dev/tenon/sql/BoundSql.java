package dev.tenon.sql;

import java.util.List;

/**
 * Rendered SQL: the text with {@code ?} placeholders and the parameters, in order. This is what the
 * executor runs and what {@code toSql()} shows.
 *
 * @param sql    the statement text
 * @param params the bound parameters
 */
public record BoundSql(String sql, List<Param> params) {
    /** Copies the list, so the record is immutable. */
    public BoundSql {
        params = List.copyOf(params);
    }

    /** A statement without parameters. */
    public static BoundSql of(String sql) {
        return new BoundSql(sql, List.of());
    }

    /** The parameters as shown in logs. */
    public List<Object> shownParams() {
        return params.stream().map(Param::shown).toList();
    }

    @Override
    public String toString() {
        return params.isEmpty() ? sql : sql + "  " + shownParams();
    }
}
