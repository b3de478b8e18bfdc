package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.time.Instant;

/** The seeds' post: written by one user (many-to-one); its creation time is set by the database. */
@Table(name = "posts")
public class Post {
    @Id @Column public Integer id;
    @Column(length = 200, nullable = false) public String title;
    @Column(name = "user_id") @ForeignKey("users.id") public Integer userId;
    /** {@code server_default=func.now()}: filled by the database, read back by the flush. */
    @Column(serverDefault = "now", nullable = false) public Instant created;

    @Relationship(backPopulates = "posts")
    public User author;

    public Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return "Post(" + id + ", " + title + ")";
    }
}
