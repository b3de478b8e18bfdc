package dev.tenon.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.testing.Backend;
import dev.tenon.testing.SchemaSnapshot;
import dev.tenon.testing.SchemaSnapshot.Column;
import dev.tenon.testing.SchemaSnapshot.ForeignKey;
import dev.tenon.testing.SchemaSnapshot.Table;
import dev.tenon.testing.TestDb;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** createAll builds the SCOTT schema, read back through DatabaseMetaData on each database. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class ScottDdlTest {
    @Parameter
    Backend backend;

    TestDb db;
    SchemaSnapshot schema;

    @BeforeEach
    void open() {
        db = backend.openEmpty(Dept.class, Emp.class);
        db.database().createAll(db.metadata());
        schema = db.schema();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createAllMakesTheScottSchemaAndBothTables() {
        assertThat(schema.hasSchema("scott")).isTrue();
        assertThat(schema.tableNames()).containsExactlyInAnyOrder("scott.dept", "scott.emp");
    }

    @Test
    void deptHasItsColumnsInDeclarationOrder() {
        assertThat(schema.table("scott.dept").columnNames()).map(String::toLowerCase).containsExactly("deptno", "dname", "loc");
    }

    @Test
    void empHasItsColumnsInDeclarationOrder() {
        assertThat(schema.table("scott.emp").columnNames()).map(String::toLowerCase)
                .containsExactly("empno", "ename", "job", "mgr", "hiredate", "sal", "comm", "deptno", "created");
    }

    @Test
    void stringColumnsAreVarcharsOfTheirDeclaredLength() {
        Table dept = schema.table("scott.dept");

        assertThat(dept.column("dname").jdbcType()).isEqualTo(Types.VARCHAR);
        assertThat(dept.column("dname").size()).isEqualTo(14);
        assertThat(dept.column("loc").size()).isEqualTo(13);
        assertThat(schema.table("scott.emp").column("ename").size()).isEqualTo(10);
    }

    @Test
    void moneyColumnsAreNumericsWithPrecisionAndScale() {
        Column sal = schema.table("scott.emp").column("sal");

        assertThat(sal.jdbcType()).isEqualTo(Types.NUMERIC);
        assertThat(sal.size()).isEqualTo(7);
        assertThat(sal.digits()).isEqualTo(2);
    }

    @Test
    void integersDatesAndInstantsGetTheirTypes() {
        Table emp = schema.table("scott.emp");

        assertThat(emp.column("mgr").jdbcType()).isEqualTo(Types.INTEGER);
        assertThat(emp.column("hiredate").jdbcType()).isEqualTo(Types.DATE);
        // An Instant is stored in the zoned timestamp type, which each driver names and codes its own way.
        assertThat(emp.column("created").typeName())
                .isEqualToIgnoringCase(backend == Backend.H2 ? "TIMESTAMP WITH TIME ZONE" : "timestamptz");
    }

    @Test
    void keysAreNotNullAndGeneratedWhileOtherColumnsAcceptNull() {
        Table emp = schema.table("scott.emp");

        assertThat(emp.column("empno").nullable()).isFalse();
        assertThat(emp.column("empno").autoIncrement()).isTrue();
        assertThat(emp.column("ename").nullable()).isTrue();
        assertThat(emp.column("deptno").nullable()).isTrue();
        assertThat(emp.column("mgr").autoIncrement()).isFalse();
    }

    @Test
    void primaryKeysAreNamedAfterTheirTable() {
        assertThat(schema.table("scott.dept").primaryKey()).map(String::toLowerCase).containsExactly("deptno");
        assertThat(schema.table("scott.dept").primaryKeyName()).isEqualToIgnoringCase("pk_dept");
        assertThat(schema.table("scott.emp").primaryKey()).map(String::toLowerCase).containsExactly("empno");
        assertThat(schema.table("scott.emp").primaryKeyName()).isEqualToIgnoringCase("pk_emp");
    }

    @Test
    void empReferencesDeptThroughDeptno() {
        ForeignKey deptno = schema.table("scott.emp").foreignKey("fk_emp_deptno");

        assertThat(deptno.columns()).map(String::toLowerCase).containsExactly("deptno");
        assertThat(deptno.target()).isEqualTo("scott.dept");
        assertThat(deptno.targetColumns()).map(String::toLowerCase).containsExactly("deptno");
        assertThat(deptno.onDelete()).isEqualTo("NO ACTION");
    }

    @Test
    void empReferencesItselfThroughMgr() {
        ForeignKey mgr = schema.table("scott.emp").foreignKey("fk_emp_mgr");

        assertThat(mgr.columns()).map(String::toLowerCase).containsExactly("mgr");
        assertThat(mgr.target()).isEqualTo("scott.emp");
        assertThat(mgr.targetColumns()).map(String::toLowerCase).containsExactly("empno");
    }

    @Test
    void deptHasNoForeignKeys() {
        assertThat(schema.table("scott.dept").foreignKeys()).isEmpty();
    }

    @Test
    void createdDefaultsToTheCurrentTimestampInEachDialect() {
        assertThat(schema.table("scott.emp").column("created").defaultValue())
                .isEqualTo(backend == Backend.H2 ? "CURRENT_TIMESTAMP" : "now()");
        assertThat(schema.table("scott.emp").column("ename").defaultValue()).isNull();
    }

    @Test
    void plainLowerCaseNamesAreStoredInTheDatabasesOwnCase() {
        Table emp = schema.table("scott.emp");

        // Tenon writes them unquoted, so H2 folds them to upper case and PostgreSQL to lower case.
        String expected = backend == Backend.H2 ? "EMP" : "emp";
        assertThat(emp.name()).isEqualTo(expected);
        assertThat(emp.schema()).isEqualTo(backend == Backend.H2 ? "SCOTT" : "scott");
    }

    @Test
    void theForeignKeysAreEnforced() {
        db.execute("INSERT INTO scott.dept (deptno, dname, loc) VALUES (10, 'ACCOUNTING', 'NEW YORK')");
        db.execute("INSERT INTO scott.emp (empno, ename, deptno) VALUES (7839, 'KING', 10)");

        assertThat(sqlStateOf("INSERT INTO scott.emp (empno, ename, mgr, deptno) VALUES (7566, 'JONES', 1, 10)")).startsWith("23");
        assertThat(sqlStateOf("INSERT INTO scott.emp (empno, ename, mgr, deptno) VALUES (7566, 'JONES', 7839, 99)")).startsWith("23");
    }

    private String sqlStateOf(String sql) {
        try {
            db.execute(sql);
        } catch (IllegalStateException e) {
            return ((java.sql.SQLException) e.getCause()).getSQLState();
        }
        throw new AssertionError("expected a constraint violation from " + sql);
    }
}
