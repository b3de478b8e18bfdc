package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;

/** One line of a Chinook invoice: a track, its price and the quantity bought. */
@Table(name = "invoice_line", schema = "chinook")
public class InvoiceLine {
    @Id(generation = Generation.ASSIGNED) @Column(name = "invoice_line_id") public Integer invoiceLineId;
    @Column(name = "invoice_id", nullable = false) @ForeignKey("chinook.invoice.invoice_id") public Integer invoiceId;
    @Column(name = "track_id", nullable = false) @ForeignKey("chinook.track.track_id") public Integer trackId;
    @Column(name = "unit_price", precision = 10, scale = 2, nullable = false) public BigDecimal unitPrice;
    @Column(nullable = false) public Integer quantity;

    @Relationship(backPopulates = "lines")
    public Invoice invoice;

    @Relationship
    public Track track;

    @Override
    public String toString() {
        return "InvoiceLine(" + invoiceLineId + ")";
    }
}
