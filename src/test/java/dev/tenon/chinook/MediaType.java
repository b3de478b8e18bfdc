package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** A Chinook media type (MPEG audio file, AAC audio file...). */
@Table(name = "media_type", schema = "chinook")
public class MediaType {
    @Id(generation = Generation.ASSIGNED) @Column(name = "media_type_id") public Integer mediaTypeId;
    @Column(length = 120) public String name;

    @Override
    public String toString() {
        return "MediaType(" + mediaTypeId + ", " + name + ")";
    }
}
