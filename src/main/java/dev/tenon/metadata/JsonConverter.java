package dev.tenon.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tenon.annotation.AttributeConverter;
import dev.tenon.exception.TenonException;
import java.lang.reflect.Type;

/**
 * The converter behind {@link dev.tenon.annotation.Json}: a field's value to JSON text and back, with Jackson, for the
 * field's full generic type ({@code List<Address>} reads as a list of addresses, not of maps). Loaded only once the
 * scanner has checked that Jackson is on the class path ({@link FieldTypes}), since Jackson is optional.
 */
final class JsonConverter implements AttributeConverter<Object, String> {
    /**
     * One mapper for every JSON field: thread-safe once configured, and costly to make. Modules found on the class
     * path are registered (jackson-datatype-jsr310 for java.time values, say), as an application's own mapper would.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private final JavaType type;

    JsonConverter(Type fieldType) {
        this.type = MAPPER.getTypeFactory().constructType(fieldType);
    }

    @Override
    public String toDatabase(Object attribute) {
        try {
            return MAPPER.writeValueAsString(attribute);
        } catch (JsonProcessingException e) {
            throw new TenonException("Jackson cannot write a " + type + " as JSON", e);
        }
    }

    @Override
    public Object fromDatabase(String column) {
        try {
            return MAPPER.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new TenonException("Jackson cannot read the JSON as a " + type, e);
        }
    }
}
