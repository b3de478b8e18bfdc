package dev.tenon.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenon.annotation.Lazy;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.identity.InstanceState;
import dev.tenon.loading.model.Course;
import dev.tenon.loading.model.Lesson;
import dev.tenon.loading.model.Seed;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.session.Session;
import dev.tenon.testing.Backend;
import dev.tenon.testing.TestDb;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A strategy is one class behind {@link RelationshipLoader} and one line in {@link Loaders}: this test writes a
 * trivial one here, in the test sources, and runs it through the engine without touching any other file. A
 * {@link Lazy} constant cannot be added from outside the enum, so the strategy takes the place of {@code NOLOAD} for
 * the length of a test, as its own registry line would give it one.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.tenon.testing.Backend#all")
class StrategyContractTest {
    @Parameter
    Backend backend;

    TestDb db;

    @BeforeEach
    void open() {
        db = backend.open(Metadata.of(Dept.class, Emp.class, Course.class, Lesson.class));
        Seed.scott(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Gives every collection it is asked for an empty, loaded list, without SQL, and notes what it saw of the rows. */
    static final class EmptyCollections implements RelationshipLoader {
        final List<String> seen = new ArrayList<>();

        @Override
        public boolean eager() {
            return true;
        }

        @Override
        public Rows rows(Loading loading, LoadNode node, RowReader reader, ParentSource source) {
            return new Rows() {
                @Override
                public void row(InstanceState parent, boolean newParent, ResultSet row) {
                    seen.add("row " + parent.id() + (newParent ? " new" : ""));
                }

                @Override
                public void finish(List<InstanceState> parents) {
                    seen.add("finish " + parents.size());
                    for (InstanceState parent : parents) {
                        Assign.members(parent, node.relationship, List.of());
                    }
                }
            };
        }
    }

    @Test
    void aStrategyWrittenOutsideTheEngineSeesEachRowThenTheParentsAndLoadsThem() throws Exception {
        EmptyCollections strategy = new EmptyCollections();
        AutoCloseable registered = Loaders.replace(Lazy.NOLOAD, strategy);
        try (Session session = db.database().openSession(db.metadata())) {
            List<Dept> depts = session.select(Dept.class).options(Load.noload("employees")).orderBy("deptno").list();

            assertThat(depts).allSatisfy(dept -> assertThat(dept.employees).isEmpty());
            assertThat(strategy.seen).containsExactly("row 10 new", "row 20 new", "row 30 new", "row 40 new", "finish 4");
            assertThat(session.statistics().statements()).isEqualTo(1);
            session.flush();
            assertThat(session.statistics().statements()).as("a loaded empty collection is no removal").isEqualTo(1);
        } finally {
            registered.close();
        }
    }

    @Test
    void theRegistryGivesBackTheStrategyItReplaced() throws Exception {
        RelationshipLoader noload = Loaders.of(Lazy.NOLOAD);
        AutoCloseable registered = Loaders.replace(Lazy.NOLOAD, new EmptyCollections());
        assertThat(Loaders.of(Lazy.NOLOAD)).isNotSameAs(noload);

        registered.close();
        assertThat(Loaders.of(Lazy.NOLOAD)).isSameAs(noload);
    }
}
