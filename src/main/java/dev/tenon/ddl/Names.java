package dev.tenon.ddl;

import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.ForeignKeyModel;
import dev.tenon.metadata.TableModel;
import dev.tenon.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Quoted names as the DDL statements write them. */
final class Names {
    /** Hex digits of the hash that ends a shortened name: 32 bits, so two long names of one table hardly collide. */
    private static final int HASH_DIGITS = 8;

    private Names() {
    }

    /** A constraint, index or trigger name Tenon made up, fitted to the dialect's limit ({@link #fitted}) and quoted. */
    static String object(Dialect dialect, String name) {
        return dialect.quote(fitted(dialect, name));
    }

    /**
     * {@code name} if the database keeps it whole, otherwise its start followed by {@code _} and a hash of the whole
     * name, {@link Dialect#identifierLimit()} long at most: what SQLAlchemy does with the names of its naming
     * conventions. PostgreSQL cuts a long name silently, so {@code ix_<table>_<column>} for two columns whose names
     * differ after the 63rd byte would collide; the hash keeps them apart, and the same name always gets the same
     * short form, so that DROP finds what CREATE made. Names written in the mapping are at most 63 bytes (the
     * scanner refuses longer ones), so only generated names are ever shortened.
     */
    static String fitted(Dialect dialect, String name) {
        int limit = dialect.identifierLimit();
        if (dialect.identifierSize(name) <= limit) {
            return name;
        }
        String suffix = "_" + hash(name);
        int end = name.length();
        while (end > 0 && dialect.identifierSize(name.substring(0, end) + suffix) > limit) {
            end = name.offsetByCodePoints(end, -1);
        }
        return name.substring(0, end) + suffix;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String table(Dialect dialect, TableModel table) {
        return table.schema() == null ? dialect.quote(table.name()) : dialect.quote(table.schema()) + "." + dialect.quote(table.name());
    }

    /** The target of a foreign key, qualified where the dialect resolves an unqualified one in the wrong schema. */
    static String target(Dialect dialect, ForeignKeyModel fk) {
        String defaultSchema = dialect.defaultSchemaOfReferences();
        if (fk.target().schema() == null && fk.table().schema() != null && defaultSchema != null) {
            return defaultSchema + "." + dialect.quote(fk.target().name());
        }
        return table(dialect, fk.target());
    }

    static String columns(Dialect dialect, List<ColumnModel> columns) {
        return list(dialect, columns.stream().map(ColumnModel::name).toList());
    }

    static String list(Dialect dialect, List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
