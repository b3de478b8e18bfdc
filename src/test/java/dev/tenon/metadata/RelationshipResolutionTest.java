package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.UseList;
import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import dev.tenon.exception.MappingException;
import dev.tenon.metadata.RelationshipModel.Direction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relationships resolve against the foreign keys between their tables: the scanner knows the key, the
 * direction, whether the attribute is a collection, and the mirror relationship named by backPopulates.
 */
class RelationshipResolutionTest {
    private final Metadata scott = Metadata.of(Dept.class, Emp.class);

    @Test
    void aListOfChildrenIsOneToManyThroughTheChildsForeignKey() {
        RelationshipModel employees = scott.entity(Dept.class).relationship("employees");

        assertThat(employees.direction()).isEqualTo(Direction.ONE_TO_MANY);
        assertThat(employees.collection()).isTrue();
        assertThat(employees.collectionType()).isEqualTo(List.class);
        assertThat(employees.target().type()).isEqualTo(Emp.class);
        assertThat(employees.foreignKey().name()).isEqualTo("fk_emp_deptno");
        assertThat(employees.ownerColumns()).extracting(ColumnModel::toString).containsExactly("scott.dept.deptno");
        assertThat(employees.remoteColumns()).extracting(ColumnModel::toString).containsExactly("scott.emp.deptno");
        assertThat(employees.orderBy()).extracting(order -> order.column().name()).containsExactly("empno");
    }

    @Test
    void aReferenceToTheParentIsManyToOneThroughTheOwnersForeignKey() {
        RelationshipModel department = scott.entity(Emp.class).relationship("department");

        assertThat(department.direction()).isEqualTo(Direction.MANY_TO_ONE);
        assertThat(department.collection()).isFalse();
        assertThat(department.target().type()).isEqualTo(Dept.class);
        assertThat(department.ownerColumns()).extracting(ColumnModel::toString).containsExactly("scott.emp.deptno");
        assertThat(department.remoteColumns()).extracting(ColumnModel::toString).containsExactly("scott.dept.deptno");
    }

    @Test
    void backPopulatesLinksBothSidesOfOneForeignKey() {
        RelationshipModel employees = scott.entity(Dept.class).relationship("employees");
        RelationshipModel department = scott.entity(Emp.class).relationship("department");

        assertThat(employees.backPopulates()).isSameAs(department);
        assertThat(department.backPopulates()).isSameAs(employees);
        assertThat(department.foreignKey()).isSameAs(employees.foreignKey());
    }

    @Test
    void aSelfReferenceResolvesBothDirectionsThroughTheNamedKey() {
        EntityModel emp = scott.entity(Emp.class);
        RelationshipModel manager = emp.relationship("manager");
        RelationshipModel reports = emp.relationship("reports");

        assertThat(manager.selfReferential()).isTrue();
        assertThat(manager.direction()).isEqualTo(Direction.MANY_TO_ONE);
        assertThat(manager.ownerColumns()).extracting(ColumnModel::name).containsExactly("mgr");
        assertThat(manager.remoteColumns()).extracting(ColumnModel::name).containsExactly("empno");
        assertThat(reports.direction()).isEqualTo(Direction.ONE_TO_MANY);
        assertThat(reports.collection()).isTrue();
        assertThat(reports.ownerColumns()).extracting(ColumnModel::name).containsExactly("empno");
        assertThat(reports.remoteColumns()).extracting(ColumnModel::name).containsExactly("mgr");
        assertThat(manager.foreignKey()).isSameAs(reports.foreignKey());
        assertThat(manager.backPopulates()).isSameAs(reports);
    }

    @Table(name = "users")
    static class User {
        @Id Integer id;
        @Relationship(uselist = UseList.FALSE, backPopulates = "user") Profile profile;
        @Relationship(backPopulates = "user") Set<Address> addresses;
    }

    @Table(name = "profile")
    static class Profile {
        @Id Integer id;
        @Column(unique = true) @ForeignKey("users.id") Integer userId;
        @Relationship(backPopulates = "profile") User user;
    }

    @Table(name = "address")
    static class Address {
        @Id Integer id;
        @Column @ForeignKey("users.id") Integer userId;
        @Relationship(backPopulates = "addresses") User user;
    }

    @Test
    void useListFalseOnTheParentSideMakesAOneToOne() {
        Metadata metadata = Metadata.of(User.class, Profile.class, Address.class);
        RelationshipModel profile = metadata.entity(User.class).relationship("profile");

        assertThat(profile.direction()).isEqualTo(Direction.ONE_TO_MANY);
        assertThat(profile.collection()).isFalse();
        assertThat(profile.collectionType()).isEqualTo(Profile.class);
        assertThat(profile.backPopulates()).isSameAs(metadata.entity(Profile.class).relationship("user"));
        assertThat(profile.backPopulates().direction()).isEqualTo(Direction.MANY_TO_ONE);
    }

    @Test
    void useListIsInferredFromTheFieldType() {
        Metadata metadata = Metadata.of(User.class, Profile.class, Address.class);

        RelationshipModel addresses = metadata.entity(User.class).relationship("addresses");
        assertThat(addresses.collection()).isTrue();
        assertThat(addresses.collectionType()).isEqualTo(Set.class);
        RelationshipModel user = metadata.entity(Address.class).relationship("user");
        assertThat(user.collection()).isFalse();
        assertThat(user.collectionType()).isEqualTo(User.class);
    }

    @Table(name = "wallet")
    static class Wallet {
        @Id Integer id;
        @Relationship(uselist = UseList.TRUE) Coin coins;
    }

    @Table(name = "coin")
    static class Coin {
        @Id Integer id;
        @Column @ForeignKey("wallet.id") Integer walletId;
    }

    @Test
    void aForcedUseListThatContradictsTheFieldTypeIsRejected() {
        assertThatThrownBy(() -> Metadata.of(Wallet.class, Coin.class))
                .isInstanceOf(MappingException.class)
                .hasMessage("Wallet.coins: uselist = TRUE does not fit field type Coin; a collection needs List<...>"
                        + " or Set<...>, a single reference the entity type");
    }

    @Table(name = "student", schema = "school")
    static class Student {
        @Id Integer id;
        @Relationship(secondary = "school.enrollment", backPopulates = "students") Set<Course> courses;
    }

    @Table(name = "course", schema = "school")
    static class Course {
        @Id Integer id;
        @Relationship(secondary = "school.enrollment", backPopulates = "courses") List<Student> students;
    }

    @Table(name = "enrollment", schema = "school")
    static class Enrollment {
        @Id @Column @ForeignKey("school.student.id") Integer studentId;
        @Id @Column @ForeignKey("school.course.id") Integer courseId;
    }

    @Test
    void aSecondaryTableMakesAManyToManyThroughItsTwoForeignKeys() {
        Metadata metadata = Metadata.of(Student.class, Course.class, Enrollment.class);
        RelationshipModel courses = metadata.entity(Student.class).relationship("courses");

        assertThat(courses.direction()).isEqualTo(Direction.MANY_TO_MANY);
        assertThat(courses.collection()).isTrue();
        assertThat(courses.secondary()).isSameAs(metadata.table("school.enrollment"));
        assertThat(courses.foreignKey().target()).isSameAs(metadata.table("school.student"));
        assertThat(courses.secondaryForeignKey().target()).isSameAs(metadata.table("school.course"));
        assertThat(courses.ownerColumns()).extracting(ColumnModel::toString).containsExactly("school.student.id");
        assertThat(courses.remoteColumns()).extracting(ColumnModel::toString).containsExactly("school.enrollment.studentId");
        assertThat(courses.backPopulates()).isSameAs(metadata.entity(Course.class).relationship("students"));
    }

    @Test
    void theAssociationTableHasACompositeAssignedKey() {
        TableModel enrollment = Metadata.of(Student.class, Course.class, Enrollment.class).table("school.enrollment");

        assertThat(enrollment.primaryKey()).extracting(ColumnModel::name).containsExactly("studentId", "courseId");
        assertThat(enrollment.primaryKey()).noneMatch(ColumnModel::identity);
    }
}
