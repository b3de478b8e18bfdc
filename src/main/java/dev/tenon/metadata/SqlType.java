package dev.tenon.metadata;

import java.sql.Types;

/**
 * The portable column types Tenon maps Java types to. A dialect turns each into its own type name.
 */
public enum SqlType {
    SMALLINT(Types.SMALLINT),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    BOOLEAN(Types.BOOLEAN),
    DOUBLE(Types.DOUBLE),
    DECIMAL(Types.NUMERIC),
    VARCHAR(Types.VARCHAR),
    DATE(Types.DATE),
    TIMESTAMP(Types.TIMESTAMP),
    TIMESTAMP_TZ(Types.TIMESTAMP_WITH_TIMEZONE),
    UUID(Types.OTHER),
    BINARY(Types.VARBINARY),
    /** A JSON document: {@code jsonb} on PostgreSQL, {@code JSON} on H2; bound as JSON text, read as text. */
    JSON(Types.OTHER),
    /** An array of the element type its {@link ColumnType#elementType()} gives: {@code text[]}, {@code INTEGER ARRAY}. */
    ARRAY(Types.ARRAY);

    private final int jdbcType;

    SqlType(int jdbcType) {
        this.jdbcType = jdbcType;
    }

    /** The {@link java.sql.Types} code used to bind a NULL of this type. */
    public int jdbcType() {
        return jdbcType;
    }
}
