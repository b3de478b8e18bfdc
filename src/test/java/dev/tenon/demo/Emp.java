package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An employee of the classic SCOTT schema: a department, and a manager who is an employee too. */
@dev.tenon.annotation.Table(name = "emp", schema = "scott")
public class Emp {
    @Id @Column public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    @Column @ForeignKey("scott.emp.empno") public Integer mgr;
    @Column public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;
    @Column @ForeignKey("scott.dept.deptno") public Integer deptno;
    /** Computed by the database at insert and read back by the flush. */
    @Column(serverDefault = "now") public Instant created;

    /** Many-to-one: the reference side of emp.deptno. */
    @Relationship(backPopulates = "employees")
    public Dept department;

    /** Self-referential many-to-one through mgr. */
    @Relationship(foreignKey = "mgr", backPopulates = "reports")
    public Emp manager;

    /** Self-referential one-to-many: the employees whose mgr is this one. */
    @Relationship(foreignKey = "mgr", backPopulates = "manager", orderBy = "empno")
    public List<Emp> reports;

    public Emp() {
    }

    public Emp(int empno, String ename, String job, Integer mgr, String hiredate, String sal, String comm, int deptno) {
        this.empno = empno;
        this.ename = ename;
        this.job = job;
        this.mgr = mgr;
        this.hiredate = LocalDate.parse(hiredate);
        this.sal = new BigDecimal(sal);
        this.comm = comm == null ? null : new BigDecimal(comm);
        this.deptno = deptno;
    }

    @Override
    public String toString() {
        return "Emp(" + empno + ", " + ename + ")";
    }
}
