package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;

/** A user's profile: the child side of a one-to-one (a unique foreign key). */
@Table(name = "profiles")
public class Profile {
    @Id @Column public Integer id;
    @Column(length = 200) public String bio;
    @Column(name = "user_id", unique = true) @ForeignKey("users.id") public Integer userId;

    @Relationship(backPopulates = "profile")
    public User user;

    public Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }
}
