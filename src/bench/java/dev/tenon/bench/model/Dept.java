package dev.tenon.bench.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A department, mapped for Tenon; the hand-written JDBC contender fills the same class by hand. */
@Table(name = "dept", schema = "scott")
public class Dept {
    @Id(generation = Generation.ASSIGNED) @Column public Integer deptno;
    @Column(length = 14) public String dname;
    @Column(length = 13) public String loc;

    @Relationship(backPopulates = "department", orderBy = "empno")
    public List<Emp> employees;

    public Dept() {
    }
}
