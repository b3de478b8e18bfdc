package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** A book on a shelf. */
@Table(name = "books")
public class Book {
    @Id @Column Integer id;
    @Column(name = "shelf_id") @ForeignKey("shelves.id") Integer shelfId;
    @Column(length = 50) String title;

    public Book() {
    }

    public Book(int id, int shelfId, String title) {
        this.id = id;
        this.shelfId = shelfId;
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
