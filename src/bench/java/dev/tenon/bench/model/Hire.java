package dev.tenon.bench.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new employee whose number the database draws: an employee row of the SCOTT shape with an identity key, written
 * by the generated-keys insert workload. Its columns are {@link Emp}'s, the department key indexed and checked by a
 * foreign key as there, so that the database does the same work per row as in the insert of assigned keys; only
 * how the key is made differs. The manager is a plain number here: the table starts empty in every operation.
 */
@Table(name = "hire", schema = "scott")
public class Hire {
    @Id(generation = Generation.IDENTITY) @Column public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    @Column public Integer mgr;
    @Column public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;
    @Column(index = true) @ForeignKey("scott.dept.deptno") public Integer deptno;

    public Hire() {
    }
}
