package dev.tenon.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenon.exception.LazyLoadException;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lazy collections: they call their loader once, on the first access of any kind, and never when filled. */
class RelationCollectionTest {
    private final AtomicInteger loads = new AtomicInteger();

    private Loader counting(List<String> members) {
        return () -> {
            loads.incrementAndGet();
            return members;
        };
    }

    @Test
    void aLazyListLoadsOnFirstAccessAndOnlyOnce() {
        RelationList<String> list = RelationList.lazy(counting(List.of("a", "b")));
        assertThat(list.isLoaded()).isFalse();
        assertThat(loads).hasValue(0);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(1)).isEqualTo("b");
        assertThat(list).containsExactly("a", "b");
        assertThat(list.isLoaded()).isTrue();
        assertThat(loads).hasValue(1);
    }

    @Test
    void iteratingALazyListLoadsItOnceAndSeesChangesMadeDuringTheLoopAsAnArrayListDoes() {
        RelationList<String> list = RelationList.lazy(counting(List.of("a", "b", "c")));

        Iterator<String> iterator = list.iterator();
        assertThat(iterator.next()).isEqualTo("a");
        iterator.remove();
        assertThat(list).containsExactly("b", "c");
        assertThat(loads).hasValue(1);
        assertThatThrownBy(() -> {
            for (String member : list) {
                list.add(member + "!");
            }
        }).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void printingALazyListLoadsIt() {
        RelationList<String> list = RelationList.lazy(counting(List.of("a")));

        assertThat(list).hasToString("[a]");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aLoadedListIsAnOrdinaryModifiableList() {
        RelationList<String> list = RelationList.loaded(List.of("a"));

        list.add("b");
        list.set(0, "z");
        list.remove("b");

        assertThat(list).containsExactly("z");
        assertThat(list).isEqualTo(List.of("z"));
    }

    @Test
    void changesToALazyListApplyAfterItLoaded() {
        RelationList<String> list = RelationList.lazy(counting(List.of("a")));

        list.add("b");

        assertThat(list).containsExactly("a", "b");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFilledListNeverCallsItsLoader() {
        RelationList<String> list = RelationList.lazy(counting(List.of("from the loader")));

        list.fill(List.of("filled"));

        assertThat(list).containsExactly("filled");
        assertThat(loads).hasValue(0);
    }

    @Test
    void aLoaderThatFailsLeavesTheListUnloadedAndFailsAgainOnTheNextAccess() {
        RelationList<String> list = RelationList.lazy(() -> {
            throw new LazyLoadException("session closed");
        });

        assertThatThrownBy(list::size).isInstanceOf(LazyLoadException.class);
        assertThatThrownBy(list::isEmpty).isInstanceOf(LazyLoadException.class);
        assertThat(list.isLoaded()).isFalse();
    }

    @Test
    void aLazySetLoadsOnceAndKeepsTheLoadersOrder() {
        RelationSet<String> set = RelationSet.lazy(counting(List.of("c", "a", "b")));

        assertThat(set.contains("a")).isTrue();
        assertThat(set).containsExactly("c", "a", "b");
        assertThat(set.add("a")).isFalse();
        assertThat(loads).hasValue(1);
        assertThat(set).isEqualTo(Set.of("a", "b", "c"));
    }

    @Test
    void aFilledSetNeverCallsItsLoader() {
        RelationSet<String> set = RelationSet.lazy(counting(List.of("x")));

        set.fill(List.of("y"));

        assertThat(set).containsExactly("y");
        assertThat(loads).hasValue(0);
    }
}
