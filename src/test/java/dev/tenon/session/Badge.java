package dev.tenon.session;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import dev.tenon.demo.Emp;

/** A {@code final} entity: enhancement needs no subclass, so Tenon maps and loads it like any other. */
@Table(name = "badge", schema = "scott")
public final class Badge {
    @Id @Column Integer id;
    @Column(length = 20) String label;
    @Column @ForeignKey("scott.emp.empno") Integer empno;
    @Relationship Emp holder;

    public Badge() {
    }

    Badge(int id, String label, int empno) {
        this.id = id;
        this.label = label;
        this.empno = empno;
    }
}
