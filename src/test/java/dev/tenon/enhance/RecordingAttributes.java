package dev.tenon.enhance;

/**
 * A stand-in for {@code dev.tenon.identity.Attributes}, with the same static methods, that records each call: the
 * enhancer's tests load it under that name in a {@link RecordingLoader}, so that the enhanced classes loaded there
 * call it instead, and it records into {@link AttributeCalls}. The real class keeps its signatures and has no hook
 * for tests.
 */
public final class RecordingAttributes {
    private RecordingAttributes() {
    }

    public static Object read(Object owner, String field, Object value) {
        AttributeCalls.LOG.add("read " + field);
        return value;
    }

    public static Object write(Object owner, String field, Object oldValue, Object newValue) {
        AttributeCalls.LOG.add("write " + field + " " + oldValue + " -> " + newValue);
        return newValue;
    }

    public static void changed(Object owner, String field, Object oldValue) {
        AttributeCalls.LOG.add("changed " + field + " " + oldValue + (oldValue == null ? "" : " (" + oldValue.getClass().getSimpleName() + ")"));
    }
}
