package dev.tenon.enhance;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls {@link RecordingAttributes} saw, in order, as {@code "read customer"} or {@code "changed amount 10.0
 * (Double)"}: in a class of its own, which the recording loader takes from the test class path like any other, so
 * that the test and the classes it loaded see the same list.
 */
public final class AttributeCalls {
    public static final List<String> LOG = new ArrayList<>();

    private AttributeCalls() {
    }
}
