package dev.tenon.demo;

import java.util.List;

/** The classic SCOTT rows: 4 departments (40 without employees), 14 employees, KING at the top. */
public final class ScottData {
    private ScottData() {
    }

    /** The departments, fresh objects on each call. */
    public static List<Dept> departments() {
        return List.of(
                new Dept(10, "ACCOUNTING", "NEW YORK"),
                new Dept(20, "RESEARCH", "DALLAS"),
                new Dept(30, "SALES", "CHICAGO"),
                new Dept(40, "OPERATIONS", "BOSTON"));
    }

    /** The employees, fresh objects on each call, managers before their reports. */
    public static List<Emp> employees() {
        return List.of(
                new Emp(7839, "KING", "PRESIDENT", null, "1981-11-17", "5000.00", null, 10),
                new Emp(7698, "BLAKE", "MANAGER", 7839, "1981-05-01", "2850.00", null, 30),
                new Emp(7782, "CLARK", "MANAGER", 7839, "1981-06-09", "2450.00", null, 10),
                new Emp(7566, "JONES", "MANAGER", 7839, "1981-04-02", "2975.00", null, 20),
                new Emp(7788, "SCOTT", "ANALYST", 7566, "1987-04-19", "3000.00", null, 20),
                new Emp(7902, "FORD", "ANALYST", 7566, "1981-12-03", "3000.00", null, 20),
                new Emp(7369, "SMITH", "CLERK", 7902, "1980-12-17", "800.00", null, 20),
                new Emp(7499, "ALLEN", "SALESMAN", 7698, "1981-02-20", "1600.00", "300.00", 30),
                new Emp(7521, "WARD", "SALESMAN", 7698, "1981-02-22", "1250.00", "500.00", 30),
                new Emp(7654, "MARTIN", "SALESMAN", 7698, "1981-09-28", "1250.00", "1400.00", 30),
                new Emp(7844, "TURNER", "SALESMAN", 7698, "1981-09-08", "1500.00", "0.00", 30),
                new Emp(7876, "ADAMS", "CLERK", 7788, "1987-05-23", "1100.00", null, 20),
                new Emp(7900, "JAMES", "CLERK", 7698, "1981-12-03", "950.00", null, 30),
                new Emp(7934, "MILLER", "CLERK", 7782, "1982-01-23", "1300.00", null, 10));
    }
}
