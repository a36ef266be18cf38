package dev.syncledger.processor.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SchemaRegistryException;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** What is a record's failure (a rejection) and what is the infrastructure's (the task stops). */
class ExceptionHandlersTest {

    private static final byte[] RAW = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    private final AvroCodec<RejectedEvent> codec = AvroCodec.create(RejectedEvent.getClassSchema(), SerdeConfig.withoutRegistry());

    @Test
    void shouldRejectAnInputRecordWhoseProcessingFailedAndGoOn() throws Exception {
        RejectingProcessingExceptionHandler handler = new RejectingProcessingExceptionHandler();
        handler.configure(Map.of());

        ProcessingExceptionHandler.Response response = handler.handleError(context(Topics.SYNC_RUNS.name()), new Record<>("k", RAW, 7),
                new IllegalStateException("a bug on this input"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.REJECTED.name());
        RejectedEvent rejection = codec.decode(Topics.REJECTED.name(), dead.value());
        assertThat(rejection.getReason()).isEqualTo("processing_failed");
        assertThat(rejection.getMessage()).contains("a bug on this input");
        assertThat(rejection.getSourceOffset()).isEqualTo(42);
        assertThat(rejection.getPayload().remaining()).isEqualTo(RAW.length);
    }

    @Test
    void shouldStopTheTaskOnAKafkaFailureOrOutsideTheInputs() {
        RejectingProcessingExceptionHandler handler = new RejectingProcessingExceptionHandler();
        handler.configure(Map.of());

        assertThat(handler.handleError(context(Topics.SYNC_RUNS.name()), new Record<>("k", RAW, 7),
                new StreamsException("a store failed")).result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(handler.handleError(context(Topics.SYNC_RUNS.name()), new Record<>("k", RAW, 7),
                new SchemaRegistryException("schema registry at http://registry:8081 did not answer")).result())
                .as("a registry outage is not the record's fault").isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(handler.handleError(context("app-connector-changes-repartition"), new Record<>("k", RAW, 7),
                new IllegalStateException("bug")).result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(handler.handleError(context(Topics.SYNC_RUNS.name()), null, new IllegalStateException("in a punctuation")).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldRejectTheInputOfARowRefusedAsTooLargeButStopOnARefusedChangelogRecord() throws Exception {
        RejectingProductionExceptionHandler handler = new RejectingProductionExceptionHandler();
        handler.configure(Map.of());

        ProductionExceptionHandler.Response row = handler.handleError(context(Topics.SYNC_RUNS.name()),
                new ProducerRecord<>(Topics.SYNC_LOG_STATE.name(), new byte[1], new byte[2_000_000]), new RecordTooLargeException("too large"));
        ProductionExceptionHandler.Response changelog = handler.handleError(context(Topics.SYNC_RUNS.name()),
                new ProducerRecord<>("app-sync-log-ledgers-changelog", new byte[1], new byte[2_000_000]), new RecordTooLargeException("too large"));
        ProductionExceptionHandler.Response timeout = handler.handleError(context(Topics.SYNC_RUNS.name()),
                new ProducerRecord<>(Topics.SYNC_LOG_STATE.name(), new byte[1], new byte[1]), new TimeoutException("broker away"));

        assertThat(row.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        RejectedEvent rejection = codec.decode(Topics.REJECTED.name(), row.deadLetterQueueRecords().get(0).value());
        assertThat(rejection.getReason()).isEqualTo("field_too_long");
        assertThat(rejection.getMessage()).contains("2000000 bytes");
        assertThat(changelog.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(timeout.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    private static ErrorHandlerContext context(String topic) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return 1;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "ledgers";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 1);
            }

            @Override
            public long timestamp() {
                return 7;
            }

            @Override
            public byte[] sourceRawKey() {
                return "k".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return RAW;
            }
        };
    }
}
