package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A Chinook customer, looked after by a support representative, with invoices. */
@Table(name = "customer", schema = "chinook")
public class Customer {
    @Id(generation = Generation.ASSIGNED) @Column(name = "customer_id") public Integer customerId;
    @Column(name = "first_name", length = 40, nullable = false) public String firstName;
    @Column(name = "last_name", length = 20, nullable = false) public String lastName;
    @Column(length = 80) public String company;
    @Column(length = 40) public String city;
    @Column(length = 40) public String state;
    @Column(length = 40) public String country;
    @Column(length = 60, nullable = false) public String email;
    @Column(name = "support_rep_id") @ForeignKey("chinook.employee.employee_id") public Integer supportRepId;

    @Relationship
    public Employee supportRep;

    @Relationship(backPopulates = "customer", orderBy = "invoiceId")
    public List<Invoice> invoices;

    @Override
    public String toString() {
        return "Customer(" + customerId + ", " + firstName + " " + lastName + ")";
    }
}
