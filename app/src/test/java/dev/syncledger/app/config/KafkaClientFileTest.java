package dev.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.kafka.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadStandardClientProperties() throws Exception {
        Path trust = Files.writeString(dir.resolve("trust.p12"), "x");
        Path file = Files.writeString(dir.resolve("client.properties"), """
                # as for kafka-console-producer --command-config
                security.protocol=SASL_SSL
                sasl.mechanism = PLAIN
                ssl.truststore.location=%s
                """.formatted(trust));

        KafkaConnection connection = KafkaClientFile.connection("b:9093", file);

        assertThat(connection.bootstrapServers()).isEqualTo("b:9093");
        assertThat(connection.clientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.location", trust.toString());
    }

    @Test
    void shouldNameTheSettingThatSyncLedgerOwns() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=elsewhere:9092\n");

        assertThatThrownBy(() -> KafkaClientFile.connection("b:9093", file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers").hasMessageContaining("--bootstrap-servers");
        Path eos = Files.writeString(dir.resolve("eos.properties"), "isolation.level=read_uncommitted\n");
        assertThatThrownBy(() -> KafkaClientFile.connection("b:9093", eos)).hasMessageContaining("isolation.level");
    }

    @Test
    void shouldNameAMissingTrustStoreAndAMissingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "ssl.truststore.location=" + dir.resolve("nope.p12") + "\n");

        assertThatThrownBy(() -> KafkaClientFile.connection("b:9093", file))
                .hasMessageContaining("ssl.truststore.location").hasMessageContaining("nope.p12");
        assertThatThrownBy(() -> KafkaClientFile.connection("b:9093", dir.resolve("missing.properties")))
                .hasMessageStartingWith("cannot read --kafka-config");
    }
}
