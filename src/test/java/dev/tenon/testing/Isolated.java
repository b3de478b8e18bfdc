package dev.tenon.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * A test database's pool seen through a data source that hands its connections out at a stricter isolation (the
 * pool resets a connection's isolation when it comes back), for the tests of conflicts between transactions.
 */
public final class Isolated {
    private Isolated() {
    }

    /** {@code pool}'s connections at SERIALIZABLE. */
    public static DataSource serializable(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(Isolated.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(pool, args);
                        if (result instanceof Connection connection) {
                            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
