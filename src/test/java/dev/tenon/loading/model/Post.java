package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** The seeds' post: one author (many-to-one) and tags through post_tags (many-to-many, by name). */
@Table(name = "posts")
public class Post {
    @Id @Column Integer id;
    @Column(length = 200, nullable = false) String title;
    @Column(name = "user_id") @ForeignKey("users.id") Integer userId;

    @Relationship(backPopulates = "posts")
    User author;

    @Relationship(secondary = "post_tags", backPopulates = "posts", orderBy = "name")
    List<Tag> tags;

    public Post() {
    }

    public Post(int id, String title, Integer userId) {
        this.id = id;
        this.title = title;
        this.userId = userId;
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Integer getUserId() {
        return userId;
    }

    public User getAuthor() {
        return author;
    }

    public List<Tag> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        return "Post(" + id + ", " + title + ")";
    }
}
