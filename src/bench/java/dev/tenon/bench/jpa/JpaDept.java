package dev.tenon.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;

/** A department, mapped for Hibernate on the same table as Tenon's. */
@Entity(name = "Dept")
@Table(name = "dept", schema = "scott")
public class JpaDept {
    @Id public Integer deptno;
    @Column(length = 14) public String dname;
    @Column(length = 13) public String loc;

    @OneToMany(mappedBy = "department")
    @OrderBy("empno")
    public List<JpaEmp> employees;

    public JpaDept() {
    }
}
