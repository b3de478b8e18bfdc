package dev.tenon.annotation;

/** The {@code ON DELETE} action of a foreign key. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    RESTRICT("RESTRICT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words for this action. */
    public String sql() {
        return sql;
    }
}
