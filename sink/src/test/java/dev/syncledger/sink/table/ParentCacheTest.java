package dev.syncledger.sink.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.table.ParentCache.Kind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParentCacheTest {

    @Test
    void shouldKnowWhatACommittedBatchResolvedAndNothingElse() {
        ParentCache cache = new ParentCache(10);
        UUID workspace = UUID.randomUUID();
        UUID connector = UUID.randomUUID();

        cache.remember(keys(Kind.WORKSPACE, Map.of(workspace, 7L), Kind.CONNECTOR, Map.of(connector, 9L)));

        assertThat(cache.pk(Kind.WORKSPACE, workspace)).isEqualTo(7L);
        assertThat(cache.pk(Kind.CONNECTOR, connector)).isEqualTo(9L);
        assertThat(cache.pk(Kind.CONNECTOR, workspace)).as("kinds are apart").isNull();
        assertThat(cache.pk(Kind.DOCUMENT, UUID.randomUUID())).isNull();
    }

    @Test
    void shouldKeepAtMostItsCapacityPerKindDroppingTheLeastRecentlyUsed() {
        ParentCache cache = new ParentCache(3);
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        Map<UUID, Long> first = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            first.put(ids[i], (long) i);
        }
        cache.remember(keys(Kind.DOCUMENT, first, Kind.TASK, Map.of()));
        assertThat(cache.pk(Kind.DOCUMENT, ids[0])).as("touched, so the most recent").isZero();

        cache.remember(keys(Kind.DOCUMENT, Map.of(ids[3], 3L), Kind.TASK, Map.of()));

        assertThat(cache.size(Kind.DOCUMENT)).isEqualTo(3);
        assertThat(cache.pk(Kind.DOCUMENT, ids[1])).as("the least recently used").isNull();
        assertThat(cache.pk(Kind.DOCUMENT, ids[0])).isZero();
        assertThat(cache.pk(Kind.DOCUMENT, ids[3])).isEqualTo(3L);
    }

    @Test
    void shouldForgetEverythingWhenAskedTo() {
        ParentCache cache = new ParentCache(10);
        UUID people = UUID.randomUUID();
        cache.remember(keys(Kind.PEOPLE, Map.of(people, 1L), Kind.TASK, Map.of()));

        cache.forgetAll();

        assertThat(cache.pk(Kind.PEOPLE, people)).isNull();
    }

    @Test
    void shouldRefuseANegativeCapacity() {
        assertThatThrownBy(() -> new ParentCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ParentKeys keys(Kind kind, Map<UUID, Long> pks, Kind other, Map<UUID, Long> otherPks) {
        Map<Kind, Map<UUID, Long>> all = new EnumMap<>(Kind.class);
        all.put(kind, pks);
        all.put(other, otherPks);
        return new ParentKeys(all);
    }
}
