package dev.tenon.session;

import dev.tenon.metadata.Metadata;

/** Placeholder while the unit of work is written. */
public final class Session implements AutoCloseable {
    Session(Database database, Metadata metadata, SessionOptions options) {
    }

    @Override
    public void close() {
    }
}
