package dev.tenon.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.exception.TenonException;
import org.junit.jupiter.api.Test;

/** The dialect is picked from the product name the JDBC driver reports. */
class DialectRegistryTest {
    @Test
    void eachSupportedProductGetsItsDialect() {
        assertThat(Dialect.forProduct("H2")).isInstanceOf(H2Dialect.class);
        assertThat(Dialect.forProduct("PostgreSQL")).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void anUnsupportedProductIsRefusedWithTheListOfSupportedOnes() {
        assertThatThrownBy(() -> Dialect.forProduct("MySQL"))
                .isInstanceOf(TenonException.class)
                .hasMessage("Unsupported database 'MySQL': Tenon speaks H2 and PostgreSQL");
    }
}
