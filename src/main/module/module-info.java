/**
 * Tenon, a small ORM on plain JDBC. The module exports the packages an application uses: the front door
 * ({@code dev.tenon}), the mapping annotations and model, the exceptions, the engine and the DDL, queries and loader
 * options, sessions, the SQL tree and dialects, and the API types. The machinery (identity, lazy collections, the loader engine,
 * the enhancer) stays inside; the enhancer reaches applications as a Java agent or a build plugin, which load it from
 * the class path. See the {@code dev.tenon} package for the order in which to read the code.
 */
@SuppressWarnings("requires-automatic") // the PostgreSQL driver, see below
module dev.tenon {
    requires transitive java.sql;
    requires java.instrument;
    requires org.slf4j;
    requires com.zaxxer.hikari;
    requires net.bytebuddy;
    // Only to read the fields of PostgreSQL's own error, when the driver in use is PostgreSQL's (and so present). An
    // automatic module: the driver has no module descriptor, only its Automatic-Module-Name.
    requires static org.postgresql.jdbc;
    // Only for JSON columns (@Json), whose converter is made only when a scanned field asks for one: the scan checks
    // first that Jackson is there, and says how to add it when it is not.
    requires static com.fasterxml.jackson.databind;

    exports dev.tenon;
    exports dev.tenon.annotation;
    exports dev.tenon.api;
    exports dev.tenon.ddl;
    exports dev.tenon.engine;
    exports dev.tenon.exception;
    exports dev.tenon.metadata;
    exports dev.tenon.query;
    exports dev.tenon.session;
    exports dev.tenon.sql;
}
