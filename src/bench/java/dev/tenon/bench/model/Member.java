package dev.tenon.bench.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An employee row as a member of a {@link Division}: {@link Emp}'s columns, for the nested-loading workload. */
@Table(name = "emp", schema = "scott")
public class Member {
    @Id(generation = Generation.ASSIGNED) @Column public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    @Column public Integer mgr;
    @Column public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;
    @Column @ForeignKey("scott.dept.deptno") public Integer deptno;

    @Relationship(backPopulates = "members")
    public Division division;

    public Member() {
    }
}
