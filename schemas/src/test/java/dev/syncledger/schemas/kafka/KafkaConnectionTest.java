package dev.syncledger.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    private final KafkaConnection secured = new KafkaConnection("broker:9093", Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"hunter2\";",
            "ssl.truststore.password", "hunter3"));

    @Test
    void shouldGiveEveryClientTheSecuritySettingsAndTheBrokers() {
        Map<String, Object> config = secured.clientConfig();

        assertThat(config).containsEntry("bootstrap.servers", "broker:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config");
        config.put("client.id", "mine");
        assertThat(secured.clientConfig()).doesNotContainKey("client.id");
    }

    @Test
    void shouldNotShowSecretsInToString() {
        assertThat(secured.toString()).doesNotContain("hunter2").doesNotContain("hunter3")
                .contains("security.protocol=SASL_SSL").contains("sasl.jaas.config=[hidden]");
    }

    @Test
    void shouldRefuseBrokersGivenAsAClientProperty() {
        assertThatThrownBy(() -> new KafkaConnection("a:1", Map.of("bootstrap.servers", "b:2")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
