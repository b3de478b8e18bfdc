package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.UseList;
import java.util.List;

/** The seeds' user: many posts (one-to-many) and one profile (one-to-one through {@code uselist = FALSE}). */
@Table(name = "users")
public class User {
    @Id @Column public Integer id;
    @Column(length = 50, nullable = false) public String name;

    @Relationship(backPopulates = "author", orderBy = "id")
    public List<Post> posts;

    /** The foreign key is on profiles.user_id, so this side would be a collection: uselist = FALSE makes it one. */
    @Relationship(backPopulates = "user", uselist = UseList.FALSE)
    public Profile profile;

    public User() {
    }

    public User(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "User(" + id + ", " + name + ")";
    }
}
