package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.Set;

/** A tag on posts: the other side of the many-to-many, a set in descending post id order. */
@Table(name = "tags")
public class Tag {
    @Id @Column Integer id;
    @Column(length = 20, nullable = false) String name;

    @Relationship(secondary = "post_tags", backPopulates = "tags", orderBy = "id desc")
    Set<Post> posts;

    public Tag() {
    }

    public Tag(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public Set<Post> getPosts() {
        return posts;
    }

    @Override
    public String toString() {
        return "Tag(" + name + ")";
    }
}
