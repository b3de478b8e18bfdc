package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A shelf whose lazy books load for two shelves at a time: a relationship with its own batch size. */
@Table(name = "shelves")
public class Shelf {
    @Id @Column Integer id;

    @Relationship(batchSize = 2, orderBy = "id")
    List<Book> books;

    public Shelf() {
    }

    public Shelf(int id) {
        this.id = id;
    }

    public List<Book> getBooks() {
        return books;
    }
}
