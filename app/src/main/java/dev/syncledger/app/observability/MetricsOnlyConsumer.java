package dev.syncledger.app.observability;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A {@link Consumer} that can only report metrics, for Micrometer's {@code KafkaClientMetrics}, which takes
 * a consumer but only reads {@code metrics()}. The sink keeps its real consumer to its own thread.
 */
final class MetricsOnlyConsumer {

    private MetricsOnlyConsumer() {}

    @SuppressWarnings("unchecked")
    static Consumer<byte[], byte[]> of(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "metrics" -> metrics.get();
                    case "toString" -> "MetricsOnlyConsumer";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("only metrics() is available, not " + method.getName());
                });
    }
}
