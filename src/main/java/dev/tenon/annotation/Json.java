package dev.tenon.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field as JSON: {@code jsonb} on PostgreSQL, {@code JSON} on H2. The field may be of any type Jackson
 * reads and writes: a record, a plain object, a {@code Map}, a {@code List} of those. Goes with {@link Column}.
 *
 * <pre>{@code
 * record Address(String street, String city, List<String> lines) { }
 *
 * @Column @Json Address address;
 * @Column @Json Map<String, Object> settings;
 * }</pre>
 *
 * It is the converter Tenon ships ({@link AttributeConverter} from the field's generic type to JSON text), written
 * with Jackson ({@code com.fasterxml.jackson.core:jackson-databind}), an optional dependency of Tenon: an application
 * that maps a JSON field adds it. Scanning a {@code @Json} field without Jackson on the class path fails with a
 * {@link dev.tenon.exception.MappingException} that says so. A value changed in place (a map entry put, a list
 * element added) is seen at flush, by comparing its JSON with what was loaded.
 *
 * <p>Equality in a query condition ({@code eq("address", address)}) compares JSON values: on PostgreSQL, jsonb's
 * equality (key order and spacing do not matter); on H2, the JSON text as Jackson writes it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {
}
