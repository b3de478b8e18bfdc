package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A Chinook invoice: a customer's purchase of tracks, one line per track. */
@Table(name = "invoice", schema = "chinook")
public class Invoice {
    @Id(generation = Generation.ASSIGNED) @Column(name = "invoice_id") public Integer invoiceId;
    @Column(name = "customer_id", nullable = false) @ForeignKey("chinook.customer.customer_id") public Integer customerId;
    @Column(name = "invoice_date", nullable = false) public LocalDateTime invoiceDate;
    @Column(name = "billing_city", length = 40) public String billingCity;
    @Column(name = "billing_country", length = 40) public String billingCountry;
    @Column(precision = 10, scale = 2, nullable = false) public BigDecimal total;

    @Relationship(backPopulates = "invoices")
    public Customer customer;

    @Relationship(backPopulates = "invoice", orderBy = "invoiceLineId")
    public List<InvoiceLine> lines;

    @Override
    public String toString() {
        return "Invoice(" + invoiceId + ", " + total + ")";
    }
}
