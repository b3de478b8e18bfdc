/**
 * The Chinook sample database mapped to entities, and {@link dev.tenon.chinook.Chinook}, which opens it loaded: real
 * data for the tests of queries, loading and reports.
 */
package dev.tenon.chinook;
