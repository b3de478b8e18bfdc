package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A Chinook artist and the albums it released. */
@Table(name = "artist", schema = "chinook")
public class Artist {
    @Id(generation = Generation.ASSIGNED) @Column(name = "artist_id") public Integer artistId;
    @Column(length = 120) public String name;

    @Relationship(backPopulates = "artist", orderBy = "albumId")
    public List<Album> albums;

    @Override
    public String toString() {
        return "Artist(" + artistId + ", " + name + ")";
    }
}
