package dev.tenon.loading.model;

import dev.tenon.demo.ScottData;
import dev.tenon.session.Session;
import dev.tenon.testing.TestDb;
import java.util.List;

/** Inserts the rows the loader tests read, in a session of its own, and commits them. */
public final class Seed {
    private Seed() {
    }

    /** The classic SCOTT rows: 4 departments (40 without employees) and 14 employees. */
    public static void scott(TestDb db) {
        insert(db, ScottData.departments(), ScottData.employees());
    }

    /**
     * Users 1 ada (posts 1, 2), 2 grace (post 3), 3 linus (no posts); post 4 without author; tags java, sql, orm
     * on posts 1 to 3 and "unused" on none.
     */
    public static void blog(TestDb db) {
        insert(db,
                List.of(new User(1, "ada"), new User(2, "grace"), new User(3, "linus")),
                List.of(new Post(1, "Objects fit rows", 1), new Post(2, "The N+1 problem", 1), new Post(3, "Compilers", 2),
                        new Post(4, "Anonymous", null)),
                List.of(new Tag(1, "java"), new Tag(2, "sql"), new Tag(3, "orm"), new Tag(4, "unused")),
                List.of(new PostTag(1, 3), new PostTag(1, 2), new PostTag(1, 1), new PostTag(2, 3), new PostTag(2, 2), new PostTag(3, 1)));
    }

    /** Adds every object of the lists in one session and commits. */
    public static void insert(TestDb db, List<?>... objects) {
        try (Session session = db.database().openSession(db.metadata())) {
            for (List<?> some : objects) {
                session.addAll(some);
            }
            session.commit();
        }
    }
}
