package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.rejected.RawValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RawValueTest {

    @Test
    void shouldKeepASmallValueWholeWithoutAHash() {
        byte[] bytes = "{\"small\":true}".getBytes(StandardCharsets.UTF_8);

        RawValue value = RawValue.of(bytes);

        assertThat(value.kept()).isEqualTo(bytes);
        assertThat(value.size()).isEqualTo(bytes.length);
        assertThat(value.truncated()).isFalse();
        assertThat(value.sha256()).isNull();
        assertThat(RawValue.of(null)).isNull();
    }

    @Test
    void shouldKeepAPrefixTheSizeAndTheHashOfALargeValue() {
        byte[] bytes = new byte[1_000_000];
        Arrays.fill(bytes, (byte) 'a');

        RawValue value = RawValue.of(bytes);

        assertThat(value.kept()).hasSize(RawValue.MAX_KEPT_BYTES).isEqualTo(Arrays.copyOf(bytes, RawValue.MAX_KEPT_BYTES));
        assertThat(value.size()).isEqualTo(1_000_000);
        assertThat(value.truncated()).isTrue();
        // sha256 of one million 'a's, the FIPS 180-2 test vector.
        assertThat(value.sha256()).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}
