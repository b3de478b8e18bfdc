package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.demo.Dept;
import dev.tenon.demo.Emp;
import org.junit.jupiter.api.Test;

/** A scanned Metadata is frozen: none of the lists and maps it hands out can be changed by a caller. */
class MetadataImmutabilityTest {
    private final Metadata metadata = Metadata.of(Dept.class, Emp.class);
    private final EntityModel emp = metadata.entity(Emp.class);
    private final TableModel empTable = metadata.table("scott.emp");

    @Test
    void theEntitiesAndTablesCannotBeChanged() {
        assertThatThrownBy(() -> metadata.entities().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.tables().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEntitysColumnsAndRelationshipsCannotBeChanged() {
        assertThatThrownBy(() -> emp.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> emp.primaryKey().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> emp.relationships().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTablesKeysAndIndexesCannotBeChanged() {
        assertThatThrownBy(() -> empTable.foreignKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> empTable.indexes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> empTable.foreignKeys().get(0).columns().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> empTable.foreignKeys().get(0).targetColumns().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRelationshipsOrderCannotBeChanged() {
        assertThatThrownBy(() -> emp.relationship("reports").orderBy().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
