package dev.tenon.session;

import dev.tenon.demo.ScottData;
import dev.tenon.testing.TestDb;

/** Fills a test database with the SCOTT rows, then zeroes its statistics so tests count only their own statements. */
final class Scott {
    private Scott() {
    }

    /** Inserts the 4 departments and 14 employees and commits. */
    static void load(TestDb db) {
        try (Session session = db.database().openSession(db.metadata())) {
            session.addAll(ScottData.departments());
            session.addAll(ScottData.employees());
            session.commit();
        }
        db.database().statistics().reset();
    }
}
