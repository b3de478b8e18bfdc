package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** A track at a position of a playlist. */
@Table(name = "tracks")
public class Track {
    @Id @Column Integer id;
    @Column(name = "playlist_id") @ForeignKey("playlists.id") Integer playlistId;
    @Column Integer position;
    @Column(length = 50) String title;
    @Column Integer seconds;

    public Track() {
    }

    public Track(int id, int playlistId, int position, String title, int seconds) {
        this.id = id;
        this.playlistId = playlistId;
        this.position = position;
        this.title = title;
        this.seconds = seconds;
    }

    @Override
    public String toString() {
        return title;
    }
}
