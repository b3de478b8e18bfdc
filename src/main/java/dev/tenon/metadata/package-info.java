/**
 * The mapping model and the scanner that builds it. {@link dev.tenon.metadata.Metadata#of(Class[])} reads the
 * annotations of {@code dev.tenon.annotation} by reflection, in three passes (tables and columns, foreign keys,
 * relationships), reports every problem at once in a {@link dev.tenon.exception.MappingException}, and freezes the result:
 * {@link dev.tenon.metadata.EntityModel}, {@link dev.tenon.metadata.TableModel}, {@link dev.tenon.metadata.ColumnModel},
 * {@link dev.tenon.metadata.ForeignKeyModel}, {@link dev.tenon.metadata.RelationshipModel}. An entity's fields include
 * those of its mapped superclasses; each field's {@link dev.tenon.metadata.ColumnType} is a basic type, an SQL array
 * (a list or array), or a converter's (including the JSON one), and says whether its values can change in place, which
 * dirty checking then compares at flush.
 * Field access is prepared here once: as method handles for one field ({@link dev.tenon.metadata.Accessor}), and,
 * for loading, as a class generated per entity that reads a row's columns and assigns all the fields at once
 * ({@link dev.tenon.metadata.ColumnAccess}).
 *
 * <p>Depends only on {@code dev.tenon.annotation}, the exceptions, JDBC's types, the ASM that Byte Buddy carries
 * (for the generated classes) and, for JSON fields only, Jackson; never on SQL, the engine or the ORM layer.
 */
package dev.tenon.metadata;
