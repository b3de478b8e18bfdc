/**
 * The shared test fixture: {@link dev.tenon.testing.Backend} runs a test class on H2 and on PostgreSQL
 * (through JUnit's {@code @ParameterizedClass}), {@link dev.tenon.testing.TestDb} is one test's fresh database,
 * {@link dev.tenon.testing.StatementLog} records the SQL Tenon runs on it, and
 * {@link dev.tenon.testing.SchemaSnapshot} reads back what DDL created through {@code DatabaseMetaData}.
 * {@link dev.tenon.testing.StandbyServer} is the hot standby of the PostgreSQL server, for the replica tests
 * ({@code dev.tenon.replica}), made by {@code src/test/scripts/standby.sh}.
 */
package dev.tenon.testing;
