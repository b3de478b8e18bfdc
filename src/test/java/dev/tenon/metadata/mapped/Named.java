package dev.tenon.metadata.mapped;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.MappedSuperclass;

/** A second level of mapped superclass: a name, public, so that any class may write it. */
@MappedSuperclass
public abstract class Named extends Audited {
    @Column(length = 40) public String name;

    /** Writes the inherited field from a method of the superclass. */
    public void rename(String newName) {
        this.name = newName;
    }
}
