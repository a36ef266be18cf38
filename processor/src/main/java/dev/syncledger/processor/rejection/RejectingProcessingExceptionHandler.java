package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SchemaRegistryException;
import dev.syncledger.schemas.text.OneLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler: a failure while processing one input record is that record's,
 * so the record is rejected ({@code processing_failed}, its raw value kept as any rejection keeps it) and the
 * processor goes on with the next one. A failure anywhere else (an internal topic, a punctuation) or a Kafka
 * failure (a store, a client) or a schema registry that cannot be used is the infrastructure's: the task fails, and
 * the runner's bounded retry decides.
 */
public final class RejectingProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingExceptionHandler.class);
    private static final Set<String> INPUTS = Topics.INPUTS.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());

    private AvroCodec<RejectedEvent> codec;

    @Override
    public void configure(Map<String, ?> configs) {
        codec = RejectionHandlerSettings.codec(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record == null || !INPUTS.contains(context.topic()) || isInfrastructure(exception)) {
            LOG.error("processing failed in {} at {}-{}@{}; the task stops: {}", context.processorNodeId(), context.topic(),
                    context.partition(), context.offset(), OneLine.describe(exception));
            return Response.fail();
        }
        LOG.warn("rejected {}-{}@{} as processing_failed: {}", context.topic(), context.partition(), context.offset(),
                OneLine.describe(exception));
        return Response.resume(List.of(rejection(context, exception)));
    }

    static boolean isInfrastructure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // A registry that cannot be used says nothing about the record: rejecting it would lose a good event.
            if (cause instanceof KafkaException || cause instanceof SchemaRegistryException || cause instanceof Error) {
                return true;
            }
        }
        return false;
    }

    private ProducerRecord<byte[], byte[]> rejection(ErrorHandlerContext context, Exception exception) {
        byte[] rawKey = context.sourceRawKey();
        String key = rawKey == null ? null : new String(rawKey, 0, Math.min(rawKey.length, 4 * EventOrigin.MAX_KEY_CHARS), StandardCharsets.UTF_8);
        EventOrigin origin = new EventOrigin(context.topic(), context.partition(), context.offset(), context.timestamp(), key,
                RawValue.of(context.sourceRawValue()));
        Rejection rejection = new Rejection(RejectionReason.PROCESSING_FAILED,
                "the processor failed on this event (" + OneLine.describe(exception) + "); it is kept here to replay once fixed", null, origin);
        byte[] value = codec.encode(Topics.REJECTED.name(), RejectedEventRecords.toAvro(rejection, Instant.now()));
        return new ProducerRecord<>(Topics.REJECTED.name(), null, context.timestamp(),
                origin.key() == null ? null : origin.key().getBytes(StandardCharsets.UTF_8), value);
    }
}
