package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.time.LocalDateTime;
import java.util.List;

/** A Chinook employee, in a manager hierarchy ({@code reports_to}). */
@Table(name = "employee", schema = "chinook")
public class Employee {
    @Id(generation = Generation.ASSIGNED) @Column(name = "employee_id") public Integer employeeId;
    @Column(name = "last_name", length = 20, nullable = false) public String lastName;
    @Column(name = "first_name", length = 20, nullable = false) public String firstName;
    @Column(length = 30) public String title;
    @Column(name = "reports_to") @ForeignKey("chinook.employee.employee_id") public Integer reportsTo;
    @Column(name = "hire_date") public LocalDateTime hireDate;
    @Column(length = 40) public String city;
    @Column(length = 40) public String country;

    @Relationship(foreignKey = "reports_to", backPopulates = "reports")
    public Employee manager;

    @Relationship(foreignKey = "reports_to", backPopulates = "manager", orderBy = "employeeId")
    public List<Employee> reports;

    @Override
    public String toString() {
        return "Employee(" + employeeId + ", " + firstName + " " + lastName + ")";
    }
}
