package dev.tenon.bench.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An employee of the SCOTT shape, mapped for Tenon; the hand-written JDBC contender fills the same class by hand,
 * so that both build objects of the same size. The manager is a plain column here (the self-referential
 * relationship is not what the suite measures), the department a lazy many-to-one as in the demo, its key
 * indexed as a careful schema would have it.
 */
@Table(name = "emp", schema = "scott")
public class Emp {
    @Id(generation = Generation.ASSIGNED) @Column public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    @Column @ForeignKey("scott.emp.empno") public Integer mgr;
    @Column public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;
    @Column(index = true) @ForeignKey("scott.dept.deptno") public Integer deptno;

    @Relationship(backPopulates = "employees")
    public Dept department;

    public Emp() {
    }
}
