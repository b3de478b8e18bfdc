package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A course with a composite key (code, term), and its lessons by number. */
@Table(name = "courses", schema = "school")
public class Course {
    @Id(generation = Generation.ASSIGNED) @Column(length = 10) String code;
    @Id(generation = Generation.ASSIGNED) @Column Integer term;
    @Column(length = 50) String title;

    @Relationship(backPopulates = "course", orderBy = "number")
    List<Lesson> lessons;

    public Course() {
    }

    public Course(String code, int term, String title) {
        this.code = code;
        this.term = term;
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public List<Lesson> getLessons() {
        return lessons;
    }

    @Override
    public String toString() {
        return code + "/" + term;
    }
}
