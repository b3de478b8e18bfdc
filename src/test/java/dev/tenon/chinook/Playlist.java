package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A Chinook playlist: many tracks, each in many playlists, through {@link PlaylistTrack}. */
@Table(name = "playlist", schema = "chinook")
public class Playlist {
    @Id(generation = Generation.ASSIGNED) @Column(name = "playlist_id") public Integer playlistId;
    @Column(length = 120) public String name;

    @Relationship(secondary = "chinook.playlist_track", backPopulates = "playlists", orderBy = "trackId")
    public List<Track> tracks;

    @Override
    public String toString() {
        return "Playlist(" + playlistId + ", " + name + ")";
    }
}
