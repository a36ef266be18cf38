package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.text.OneLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' production exception handler. Every record the processor writes fits the producer by
 * construction ({@code FieldLimits}); should a row or a rejection still be refused as too large while an input
 * record is being processed, that input is rejected ({@code field_too_long}, as its bytes allow) and processing
 * goes on. A refused changelog record, or any other send failure, is the infrastructure's: the task fails
 * rather than let a store and its changelog part ways.
 */
public final class RejectingProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingProductionExceptionHandler.class);
    private static final Set<String> INPUTS = Topics.INPUTS.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());

    private AvroCodec<RejectedEvent> codec;

    @Override
    public void configure(Map<String, ?> configs) {
        codec = RejectionHandlerSettings.codec(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        boolean fromAnInput = context.topic() != null && INPUTS.contains(context.topic());
        if (!(exception instanceof RecordTooLargeException) || !fromAnInput || record.topic().endsWith("-changelog")
                || record.topic().equals(Topics.REJECTED.name())) {
            LOG.error("cannot write to {} while processing {}-{}@{}; the task stops: {}", record.topic(), context.topic(),
                    context.partition(), context.offset(), OneLine.describe(exception));
            return Response.fail();
        }
        LOG.warn("rejected {}-{}@{}: its {} record was refused as too large", context.topic(), context.partition(), context.offset(),
                record.topic());
        return Response.resume(List.of(rejection(context, record)));
    }

    private ProducerRecord<byte[], byte[]> rejection(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> refused) {
        byte[] rawKey = context.sourceRawKey();
        String key = rawKey == null ? null : new String(rawKey, 0, Math.min(rawKey.length, 4 * EventOrigin.MAX_KEY_CHARS), StandardCharsets.UTF_8);
        EventOrigin origin = new EventOrigin(context.topic(), context.partition(), context.offset(), context.timestamp(), key,
                RawValue.of(context.sourceRawValue()));
        int size = refused.value() == null ? 0 : refused.value().length;
        Rejection rejection = new Rejection(RejectionReason.FIELD_TOO_LONG, "the " + refused.topic() + " record this event makes ("
                + size + " bytes) is larger than the broker or producer accepts", null, origin);
        byte[] value = codec.encode(Topics.REJECTED.name(), RejectedEventRecords.toAvro(rejection, Instant.now()));
        return new ProducerRecord<>(Topics.REJECTED.name(), null, context.timestamp(),
                origin.key() == null ? null : origin.key().getBytes(StandardCharsets.UTF_8), value);
    }
}
