/**
 * The SCOTT entities as Tenon maps them ({@code scott.dept}, {@code scott.emp}); the schema of every contender is
 * created from this mapping.
 */
package dev.tenon.bench.model;
