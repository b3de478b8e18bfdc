package dev.tenon.metadata.scanned.reviews;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** An entity in a sub-package, which a scan of the parent package includes. */
@Table(name = "review", schema = "scanned")
public class Review {
    @Id Integer id;
    @Column @ForeignKey("scanned.novel.id") Integer novelId;
    @Column(length = 200) String text;
}
