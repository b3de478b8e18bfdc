package dev.tenon.metadata;

import java.nio.charset.StandardCharsets;

/**
 * The longest name a mapping may give a schema, table, column, index or constraint: 63 bytes in UTF-8.
 *
 * <p>That is PostgreSQL's limit, the strictest of the databases Tenon speaks (H2 takes 256 characters). The scanner
 * does not know which database a mapping will meet, and PostgreSQL cuts a longer name with a mere notice: the table
 * would be created under the cut name, and the next {@code createAll} would look for the whole name, not find it,
 * and fail creating it again. So the rule is the same on every database, and one mapping works on all. Names that
 * Tenon makes up ({@code ix_<table>_<columns>} and the like) are not refused: the DDL shortens them per database.
 */
final class NameLimit {
    /** The limit, in bytes of UTF-8. */
    static final int MAX_BYTES = 63;

    private NameLimit() {
    }

    /**
     * The problem to report when {@code name} is too long, or null when it fits.
     *
     * @param where the class or {@code Class.field} the name comes from
     * @param what  what the name names ("table", "column", ...)
     * @param fix   the annotation attribute that sets the name, for the message
     */
    static String check(String where, String what, String name, String fix) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_BYTES) {
            return null;
        }
        return where + ": " + what + " name '" + name + "' is " + bytes + " bytes long in UTF-8; names are limited to "
                + MAX_BYTES + " bytes (PostgreSQL's limit, applied on every database so that one mapping works on all); "
                + "give it a shorter name with " + fix;
    }
}
