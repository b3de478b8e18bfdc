/**
 * The annotations that map classes to tables: {@link dev.tenon.annotation.Table}, {@link dev.tenon.annotation.Column},
 * {@link dev.tenon.annotation.Id}, {@link dev.tenon.annotation.ForeignKey}, {@link dev.tenon.annotation.Relationship},
 * {@link dev.tenon.annotation.Index}, {@link dev.tenon.annotation.Version}, {@link dev.tenon.annotation.MappedSuperclass},
 * {@link dev.tenon.annotation.Convert} with the {@link dev.tenon.annotation.AttributeConverter} it names,
 * {@link dev.tenon.annotation.Json}, and the enums they use.
 *
 * <p>Pure declarations read by the scanner in {@code dev.tenon.metadata}; this package depends on nothing else in Tenon.
 */
package dev.tenon.annotation;
