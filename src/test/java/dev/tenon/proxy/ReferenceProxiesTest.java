package dev.tenon.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.LazyLoadException;
import dev.tenon.TenonException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The generated subclass that stands for a lazy to-one reference. */
class ReferenceProxiesTest {
    /** A stand-in entity: the proxy only needs a non-final class with a no-argument constructor. */
    public static class Account {
        String owner;

        public Account() {
        }

        Account(String owner) {
            this.owner = owner;
        }

        public String getOwner() {
            return owner;
        }

        String describe(String prefix) {
            return prefix + owner;
        }

        @Override
        public String toString() {
            return "Account(" + owner + ")";
        }
    }

    /** Cannot be subclassed. */
    public static final class Sealed {
    }

    private final AtomicInteger loads = new AtomicInteger();
    private final Account target = new Account("ada");

    private Account proxy() {
        return (Account) ReferenceProxies.create(Account.class, 42, () -> {
            loads.incrementAndGet();
            return target;
        });
    }

    @Test
    void aProxyIsASubclassThatKnowsItsKeyWithoutLoading() {
        Account proxy = proxy();

        assertThat(proxy).isInstanceOf(Account.class).isInstanceOf(TenonProxy.class);
        assertThat(((TenonProxy) proxy).tenon$key()).isEqualTo(42);
        assertThat(((TenonProxy) proxy).tenon$isLoaded()).isFalse();
        assertThat(loads).hasValue(0);
    }

    @Test
    void theFirstMethodCallLoadsTheTargetAndEveryCallRunsOnIt() {
        Account proxy = proxy();

        assertThat(proxy.getOwner()).isEqualTo("ada");
        assertThat(proxy.describe("owner: ")).isEqualTo("owner: ada");
        assertThat(proxy).hasToString("Account(ada)");
        assertThat(loads).hasValue(1);
        assertThat(((TenonProxy) proxy).tenon$isLoaded()).isTrue();
        assertThat(ReferenceProxies.unproxy(proxy)).isSameAs(target);
    }

    @Test
    void fieldsOfTheProxyItselfAreNotTheTargets() {
        Account proxy = proxy();

        assertThat(proxy.owner).as("a field read is not intercepted: read lazy references through methods").isNull();
    }

    @Test
    void unproxyLeavesAPlainObjectAlone() {
        assertThat(ReferenceProxies.unproxy(target)).isSameAs(target);
    }

    @Test
    void aFailingLoaderFailsEachCallUntilItSucceeds() {
        Account proxy = (Account) ReferenceProxies.create(Account.class, 1, () -> {
            throw new LazyLoadException("detached");
        });

        assertThatThrownBy(proxy::getOwner).isInstanceOf(LazyLoadException.class).hasMessage("detached");
        assertThatThrownBy(proxy::toString).isInstanceOf(LazyLoadException.class);
        assertThat(((TenonProxy) proxy).tenon$isLoaded()).isFalse();
    }

    @Test
    void aTargetThatNoLongerExistsIsReportedWithItsKey() {
        Account proxy = (Account) ReferenceProxies.create(Account.class, 7, () -> null);

        assertThatThrownBy(proxy::getOwner).isInstanceOf(TenonException.class).hasMessageContaining("key 7").hasMessageContaining("no longer exists");
    }

    @Test
    void aFinalClassCannotBeProxiedAndTheMessageSaysWhy() {
        assertThatThrownBy(() -> ReferenceProxies.create(Sealed.class, 1, () -> null))
                .isInstanceOf(TenonException.class).hasMessageContaining("Sealed").hasMessageContaining("final class");
    }

    @Test
    void proxiesOfOneClassShareOneGeneratedClass() {
        assertThat(proxy().getClass()).isSameAs(proxy().getClass()).isNotSameAs(Account.class);
    }
}
