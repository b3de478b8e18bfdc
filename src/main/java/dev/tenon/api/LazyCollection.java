package dev.tenon.api;

/**
 * A relationship collection as Tenon installs it in a loaded object: a {@code List} or {@code Set} that loads its
 * members on first access (or holds them already, when loaded eagerly). Asking whether it is loaded runs nothing:
 *
 * <pre>{@code
 * if (dept.employees instanceof LazyCollection lazy && !lazy.isLoaded()) {
 *     // touching dept.employees here would run a statement
 * }
 * }</pre>
 */
public interface LazyCollection {
    /** Whether the members are in memory (no access will run SQL). */
    boolean isLoaded();
}
