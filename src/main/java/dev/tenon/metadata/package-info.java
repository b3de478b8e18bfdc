/**
 * The mapping model and the scanner that builds it. {@link dev.tenon.metadata.Metadata#of(Class[])} reads the
 * annotations of {@code dev.tenon.annotation} by reflection, in three passes (tables and columns, foreign keys,
 * relationships), reports every problem at once in a {@link dev.tenon.MappingException}, and freezes the result:
 * {@link dev.tenon.metadata.EntityModel}, {@link dev.tenon.metadata.TableModel}, {@link dev.tenon.metadata.ColumnModel},
 * {@link dev.tenon.metadata.ForeignKeyModel}, {@link dev.tenon.metadata.RelationshipModel}.
 * Field access is prepared here once as method handles ({@link dev.tenon.metadata.Accessor}).
 *
 * <p>Depends only on {@code dev.tenon.annotation} and the exceptions; never on SQL, the engine or the ORM layer.
 */
package dev.tenon.metadata;
