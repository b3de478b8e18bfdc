package dev.tenon.metadata.scanned;

/** Not an entity: scanning the package must skip it. */
public final class Isbn {
    private Isbn() {
    }
}
