package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;

/**
 * A lesson of a course, through a composite foreign key that is NOT NULL (a joined course can be an inner
 * join). The key's fields are declared term first, the reverse of the course's key, so that loading must match
 * columns by name and not by position.
 */
@Table(name = "lessons", schema = "school")
public class Lesson {
    @Id @Column Integer id;
    @Column(name = "course_term", nullable = false) @ForeignKey(value = "school.courses.term", name = "fk_lessons_course") Integer courseTerm;
    @Column(name = "course_code", length = 10, nullable = false) @ForeignKey(value = "school.courses.code", name = "fk_lessons_course") String courseCode;
    @Column Integer number;
    @Column(length = 50) String topic;

    @Relationship(backPopulates = "lessons")
    Course course;

    public Lesson() {
    }

    public Lesson(int id, String courseCode, int courseTerm, int number, String topic) {
        this.id = id;
        this.courseCode = courseCode;
        this.courseTerm = courseTerm;
        this.number = number;
        this.topic = topic;
    }

    public Course getCourse() {
        return course;
    }

    @Override
    public String toString() {
        return topic;
    }
}
