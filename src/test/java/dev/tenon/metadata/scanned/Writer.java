package dev.tenon.metadata.scanned;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** An entity found by scanning this package. */
@Table(name = "writer", schema = "scanned")
public class Writer {
    @Id Integer id;
    @Column(length = 40) String name;
    @Relationship(backPopulates = "writer") List<Novel> novels;
}
