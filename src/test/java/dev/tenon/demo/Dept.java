package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import java.util.List;

/** A department of the classic SCOTT schema. */
@dev.tenon.annotation.Table(name = "dept", schema = "scott")
public class Dept {
    @Id @Column public Integer deptno;
    @Column(length = 14) public String dname;
    @Column(length = 13) public String loc;

    /** One-to-many: the collection side of emp.deptno, ordered by employee number. */
    @Relationship(backPopulates = "department", orderBy = "empno")
    public List<Emp> employees;

    public Dept() {
    }

    public Dept(int deptno, String dname, String loc) {
        this.deptno = deptno;
        this.dname = dname;
        this.loc = loc;
    }

    @Override
    public String toString() {
        return "Dept(" + deptno + ", " + dname + ")";
    }
}
