package dev.syncledger.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db:5432/ledger?user=app&password=hunter2",
            "jdbc:postgresql://db:5432/ledger?user=app&sslpassword=hunter2",
            "jdbc:postgresql://app:hunter2@db:5432/ledger",
            "jdbc:postgresql://db/ledger;password=hunter2",
            "jdbc:postgresql://db/ledger?PASSWORD=hunter2&ssl=true",
            "https://app:hunter2@registry.example.com:8081/",
            "https://registry.example.com/?token=hunter2",
            "https://hooks.example.com/x?api_secret=hunter2&id=7",
            "http://hunter2@registry.example.com/",
    })
    void shouldShowNoSecretOfAnyUrlForm(String url) {
        String shown = Redaction.url(url);

        assertThat(shown).doesNotContain("hunter2").contains(Redaction.HIDDEN);
    }

    @Test
    void shouldKeepWhatIsNotSecret() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/ledger?user=app&ssl=true&password=x"))
                .isEqualTo("jdbc:postgresql://db:5432/ledger?user=app&ssl=true&password=" + Redaction.HIDDEN);
        assertThat(Redaction.url("http://127.0.0.1:8081")).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void shouldTellSecretSettingsByName() {
        assertThat(Redaction.isSecretName("ssl.truststore.password")).isTrue();
        assertThat(Redaction.isSecretName("sasl.jaas.config")).isTrue();
        assertThat(Redaction.isSecretName("basic.auth.user.info")).isTrue();
        assertThat(Redaction.isSecretName("webhook-secret")).isTrue();
        assertThat(Redaction.isSecretName("api_token")).isTrue();
        assertThat(Redaction.isSecretName("security.protocol")).isFalse();
        assertThat(Redaction.isSecretName("ssl.truststore.location")).isFalse();
    }
}
