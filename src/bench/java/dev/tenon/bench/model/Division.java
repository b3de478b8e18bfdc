package dev.tenon.bench.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/**
 * A department with two sibling collections, for the nested-loading workload: its members, and the same rows again
 * as a view-only second collection, so that two collections of equal size are loaded side by side.
 */
@Table(name = "dept", schema = "scott")
public class Division {
    @Id(generation = Generation.ASSIGNED) @Column public Integer deptno;
    @Column(length = 14) public String dname;
    @Column(length = 13) public String loc;

    @Relationship(backPopulates = "division", orderBy = "empno")
    public List<Member> members;

    @Relationship(foreignKey = "deptno", viewOnly = true, orderBy = "empno")
    public List<Member> staff;

    public Division() {
    }
}
