package dev.tenon.metadata.scanned;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;

/** Sorts before {@link Writer} by name but references it: a scan needs no import order. */
@Table(name = "novel", schema = "scanned")
public class Novel {
    @Id Integer id;
    @Column @ForeignKey("scanned.writer.id") Integer writerId;
    @Relationship(backPopulates = "novels") Writer writer;
}
