package dev.tenon.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new employee, mapped for Hibernate on the same table as Tenon's {@code Hire}, whose key is an identity column.
 *
 * <p>{@code GenerationType.IDENTITY}, because that is the column the table has and what a Hibernate user writes for
 * it. Hibernate must know each key as soon as {@code persist} returns, so with IDENTITY it inserts every row at once,
 * one statement each, and never batches these inserts. Its documentation advises a sequence instead (pooled, 50 keys
 * per call): that would be another schema, a sequence incremented by 50 that Tenon and the hand-written loop do not
 * use, and keys drawn before the insert instead of read back from it: another workload than the one measured here.
 */
@Entity(name = "Hire")
@Table(name = "hire", schema = "scott")
public class JpaHire {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer empno;
    @Column(length = 10) public String ename;
    @Column(length = 9) public String job;
    public Integer mgr;
    public LocalDate hiredate;
    @Column(precision = 7, scale = 2) public BigDecimal sal;
    @Column(precision = 7, scale = 2) public BigDecimal comm;
    public Integer deptno;

    public JpaHire() {
    }
}
