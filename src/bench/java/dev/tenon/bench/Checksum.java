package dev.tenon.bench;

import dev.tenon.annotation.RawFieldAccess;
import dev.tenon.bench.jpa.JpaDept;
import dev.tenon.bench.jpa.JpaEmp;
import dev.tenon.bench.jpa.JpaHire;
import dev.tenon.bench.model.Dept;
import dev.tenon.bench.model.Emp;
import dev.tenon.bench.model.Hire;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What every benchmark returns and checks: a number mixing every column of every object a contender built (and,
 * for graphs, the order of departments and employees and each employee's link back to its department), so that
 * no contender wins by reading less. Hashes are cheap: no allocation, the same cost for all three.
 */
public final class Checksum {
    private Checksum() {
    }

    /** One employee's columns. */
    public static long emp(Integer empno, String ename, String job, Integer mgr, LocalDate hiredate, BigDecimal sal,
                           BigDecimal comm, Integer deptno) {
        long h = empno;
        h = h * 31 + ename.hashCode();
        h = h * 31 + job.hashCode();
        h = h * 31 + (mgr == null ? -1 : mgr);
        h = h * 31 + hiredate.toEpochDay();
        h = h * 31 + sal.hashCode();
        h = h * 31 + (comm == null ? -1 : comm.hashCode());
        h = h * 31 + deptno;
        return h;
    }

    /** One department's columns. */
    public static long dept(Integer deptno, String dname, String loc) {
        return (deptno * 31L + dname.hashCode()) * 31 + loc.hashCode();
    }

    /** Folds the next value of an ordered sequence into {@code h}. */
    public static long next(long h, long value) {
        return h * 1_000_003 + value;
    }

    /** Fails the benchmark when a contender's result differs from what the data set holds. */
    public static long check(String what, long expected, long actual) {
        if (actual != expected) {
            throw new IllegalStateException(what + " returned checksum " + actual + " where the data set gives " + expected
                    + ": it did not build the objects the rows hold");
        }
        return actual;
    }

    /** An employee built by hand or by Tenon. */
    public static long of(Emp e) {
        return emp(e.empno, e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno);
    }

    /** An employee built by Hibernate. */
    public static long of(JpaEmp e) {
        return emp(e.empno, e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno);
    }

    /**
     * A new employee built by hand or by Tenon, whose key the contender read back from the database: {@link #emp} of
     * its columns, so that a key given to the wrong object changes the sum.
     */
    public static long of(Hire e) {
        return emp(key(e.empno), e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno);
    }

    /** A new employee built by Hibernate. */
    public static long of(JpaHire e) {
        return emp(key(e.empno), e.ename, e.job, e.mgr, e.hiredate, e.sal, e.comm, e.deptno);
    }

    /** A key the contender read back from the database; fails when it read none. */
    static Integer key(Integer generated) {
        if (generated == null) {
            throw new IllegalStateException("A new row's object has no key: the contender did not read the generated keys back");
        }
        return generated;
    }

    /** Departments in order, each with its employees in order, each employee linked back to its department. */
    public static long graph(List<Dept> depts) {
        long h = depts.size();
        for (Dept d : depts) {
            h = next(h, dept(d.deptno, d.dname, d.loc));
            for (Emp e : d.employees) {
                h = next(h, of(e) + (e.department == d ? 1 : 0));
            }
        }
        return h;
    }

    /**
     * {@link #graph(List)} for the hand-written contender's objects, whose fields it reads as written: plain Java, as a
     * careful person writes it without an ORM, which is the baseline (see {@code RawFieldAccess}).
     */
    @RawFieldAccess
    public static long plainGraph(List<Dept> depts) {
        long h = depts.size();
        for (Dept d : depts) {
            h = next(h, dept(d.deptno, d.dname, d.loc));
            for (Emp e : d.employees) {
                h = next(h, of(e) + (e.department == d ? 1 : 0));
            }
        }
        return h;
    }

    /** {@link #graph(List)} for Hibernate's objects. */
    public static long jpaGraph(List<JpaDept> depts) {
        long h = depts.size();
        for (JpaDept d : depts) {
            h = next(h, dept(d.deptno, d.dname, d.loc));
            for (JpaEmp e : d.employees) {
                h = next(h, of(e) + (e.department == d ? 1 : 0));
            }
        }
        return h;
    }
}
