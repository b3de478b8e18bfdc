package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A Chinook album: one artist, many tracks. */
@Table(name = "album", schema = "chinook")
public class Album {
    @Id(generation = Generation.ASSIGNED) @Column(name = "album_id") public Integer albumId;
    @Column(length = 160, nullable = false) public String title;
    @Column(name = "artist_id", nullable = false) @ForeignKey("chinook.artist.artist_id") public Integer artistId;

    @Relationship(backPopulates = "albums")
    public Artist artist;

    @Relationship(backPopulates = "album", orderBy = "trackId")
    public List<Track> tracks;

    @Override
    public String toString() {
        return "Album(" + albumId + ", " + title + ")";
    }
}
