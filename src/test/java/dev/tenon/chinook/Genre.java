package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A Chinook genre and its tracks. */
@Table(name = "genre", schema = "chinook")
public class Genre {
    @Id(generation = Generation.ASSIGNED) @Column(name = "genre_id") public Integer genreId;
    @Column(length = 120) public String name;

    @Relationship(backPopulates = "genre", orderBy = "trackId")
    public List<Track> tracks;

    @Override
    public String toString() {
        return "Genre(" + genreId + ", " + name + ")";
    }
}
