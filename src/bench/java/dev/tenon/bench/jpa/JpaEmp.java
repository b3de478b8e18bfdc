package dev.tenon.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An employee, mapped for Hibernate on the same table as Tenon's. The department is the owning side, lazy as
 * Tenon's; {@code deptno} mirrors its column read-only, the usual JPA idiom for reading a key without the proxy.
 */
@Entity(name = "Emp")
@Table(name = "emp", schema = "scott")
public class JpaEmp {
    @Id public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    public Integer mgr;
    public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;

    @Column(name = "deptno", insertable = false, updatable = false)
    public Integer deptno;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deptno")
    public JpaDept department;

    public JpaEmp() {
    }
}
