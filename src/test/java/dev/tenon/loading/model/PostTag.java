package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;

/** The association table between posts and tags. */
@Table(name = "post_tags")
public class PostTag {
    @Id(generation = Generation.ASSIGNED) @Column(name = "post_id") @ForeignKey("posts.id") Integer postId;
    @Id(generation = Generation.ASSIGNED) @Column(name = "tag_id") @ForeignKey("tags.id") Integer tagId;

    public PostTag() {
    }

    public PostTag(int postId, int tagId) {
        this.postId = postId;
        this.tagId = tagId;
    }
}
