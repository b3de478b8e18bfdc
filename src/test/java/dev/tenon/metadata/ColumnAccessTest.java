package dev.tenon.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.exception.TenonException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The column fields of an entity are read and written by a class generated for it, in its nest, so that private
 * fields need no reflection; a value that does not fit is reported by field.
 */
class ColumnAccessTest {
    @Table(name = "account")
    static class Account {
        @Id @Column private Integer id;
        @Column private int visits;
        @Column(length = 20) String owner;
        @Column(precision = 10, scale = 2) public BigDecimal balance;
    }

    private final EntityModel account = Metadata.of(Account.class).entity(Account.class);

    @Test
    void anEntitysAccessIsAHiddenClassInItsNest() {
        Class<?> generated = account.columnAccess().getClass();

        assertThat(generated.isHidden()).isTrue();
        assertThat(generated.getNestHost()).isEqualTo(Account.class.getNestHost());
    }

    @Test
    void writeSetsEveryFieldThatIsNotNullAndReadReadsThemBack() {
        Account target = new Account();
        target.owner = "kept";

        account.columnAccess().write(target, new Object[] {7, 3, null, new BigDecimal("12.50")});

        assertThat(target.id).isEqualTo(7);
        assertThat(target.visits).isEqualTo(3);
        assertThat(target.owner).isEqualTo("kept");
        Object[] read = new Object[4];
        account.columnAccess().read(target, read);
        assertThat(read).containsExactly(7, 3, "kept", new BigDecimal("12.50"));
    }

    @Test
    void aValueThatDoesNotFitItsFieldIsReportedByField() {
        Object[] values = {7, "three", null, null};

        assertThatThrownBy(() -> account.columnAccess().write(new Account(), values)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> ColumnAccess.check(account.columns(), new Account(), values))
                .isInstanceOf(TenonException.class)
                .hasMessageContaining("Account.visits (int) to a String");
    }

    @Test
    void aClassScannedAgainReusesItsGeneratedAccess() {
        EntityModel again = Metadata.of(Account.class).entity(Account.class);

        assertThat(again.columnAccess()).isSameAs(account.columnAccess());
    }
}
