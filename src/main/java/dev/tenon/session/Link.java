package dev.tenon.session;

import dev.tenon.metadata.ForeignKeyModel;

/**
 * A foreign key to set at flush: {@code child}'s columns of {@code foreignKey} take {@code parent}'s key
 * (or NULL when parent is null). Resolved only when the parent's key is known, which for a new parent with a
 * generated key is after its own insert.
 *
 * @param child      the object holding the foreign key
 * @param foreignKey the key's columns
 * @param parent     the referenced object, or null
 */
record Link(Object child, ForeignKeyModel foreignKey, Object parent) {
}
