package dev.tenon.replica;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** A row written on the primary and read back on the standby. */
@Table(name = "replica_note")
public class Note {
    @Id @Column Integer id;
    @Column(length = 40) String text;

    public Note() {
    }

    Note(int id, String text) {
        this.id = id;
        this.text = text;
    }
}
