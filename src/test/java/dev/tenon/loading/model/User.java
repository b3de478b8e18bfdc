package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** The seeds' user: many posts, in id order. */
@Table(name = "users")
public class User {
    @Id @Column Integer id;
    @Column(length = 50, nullable = false) String name;

    @Relationship(backPopulates = "author", orderBy = "id")
    List<Post> posts;

    public User() {
    }

    public User(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Post> getPosts() {
        return posts;
    }

    public void setPosts(List<Post> posts) {
        this.posts = posts;
    }

    @Override
    public String toString() {
        return "User(" + id + ", " + name + ")";
    }
}
