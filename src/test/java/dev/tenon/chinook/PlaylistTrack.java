package dev.tenon.chinook;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** The association table of playlists and tracks, with its composite key. */
@Table(name = "playlist_track", schema = "chinook")
public class PlaylistTrack {
    @Id(generation = Generation.ASSIGNED) @Column(name = "playlist_id") @ForeignKey("chinook.playlist.playlist_id") public Integer playlistId;
    @Id(generation = Generation.ASSIGNED) @Column(name = "track_id") @ForeignKey("chinook.track.track_id") public Integer trackId;
}
