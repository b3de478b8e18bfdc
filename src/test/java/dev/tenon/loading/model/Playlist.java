package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Lazy;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A playlist whose tracks are a dynamic relationship: a query to filter, order or count before it runs. */
@Table(name = "playlists")
public class Playlist {
    @Id @Column Integer id;
    @Column(length = 50) String name;

    @Relationship(lazy = Lazy.DYNAMIC, orderBy = "position")
    List<Track> tracks;

    public Playlist() {
    }

    public Playlist(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public List<Track> getTracks() {
        return tracks;
    }
}
