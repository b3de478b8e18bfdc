package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.util.List;

/** A Chinook track: on an album, of a genre and a media type, in playlists. */
@Table(name = "track", schema = "chinook")
public class Track {
    @Id(generation = Generation.ASSIGNED) @Column(name = "track_id") public Integer trackId;
    @Column(length = 200, nullable = false) public String name;
    @Column(name = "album_id") @ForeignKey("chinook.album.album_id") public Integer albumId;
    @Column(name = "media_type_id", nullable = false) @ForeignKey("chinook.media_type.media_type_id") public Integer mediaTypeId;
    @Column(name = "genre_id") @ForeignKey("chinook.genre.genre_id") public Integer genreId;
    @Column(length = 220) public String composer;
    @Column(nullable = false) public Integer milliseconds;
    @Column public Integer bytes;
    @Column(name = "unit_price", precision = 10, scale = 2, nullable = false) public BigDecimal unitPrice;

    @Relationship(backPopulates = "tracks")
    public Album album;

    @Relationship
    public MediaType mediaType;

    @Relationship(backPopulates = "tracks")
    public Genre genre;

    @Relationship(secondary = "chinook.playlist_track", backPopulates = "tracks", orderBy = "playlistId")
    public List<Playlist> playlists;

    @Override
    public String toString() {
        return "Track(" + trackId + ", " + name + ")";
    }
}
