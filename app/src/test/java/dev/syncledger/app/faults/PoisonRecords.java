package dev.syncledger.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.schemas.Topics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Bad input of every kind the issue names, each with the rejection reason it must end in. */
final class PoisonRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoisonRecords() {}

    /** Poison records by what is wrong with them, each paired with the reason it must be rejected with. */
    static Map<String, Poison> of(long seed) {
        Random random = new Random(seed);
        PublishedRecord valid = parse(scheduled(random));
        byte[] body = Arrays.copyOfRange(valid.value(), 10, valid.value().length);
        String syncRuns = Topics.SYNC_RUNS.name();
        Map<String, Poison> poison = new LinkedHashMap<>();
        poison.put("random bytes", new Poison(new PublishedRecord(syncRuns, uuid(random).toString(), bytes(random, 64)), "malformed"));
        poison.put("truncated Avro body", new Poison(new PublishedRecord(syncRuns, valid.key(),
                Arrays.copyOf(valid.value(), 10 + body.length / 2)), "malformed"));
        byte[] unknownFingerprint = valid.value().clone();
        System.arraycopy(bytes(random, 8), 0, unknownFingerprint, 2, 8);
        poison.put("unknown schema fingerprint", new Poison(new PublishedRecord(syncRuns, valid.key(), unknownFingerprint), "malformed"));
        byte[] unknownSchemaId = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(987_654).put(body).array();
        poison.put("unknown schema id", new Poison(new PublishedRecord(syncRuns, valid.key(), unknownSchemaId), "malformed"));
        PublishedRecord diagnostic = parse(diagnostic(random, 500));
        poison.put("a diagnostic on the sync-runs topic", new Poison(new PublishedRecord(syncRuns, diagnostic.key(), diagnostic.value()),
                "malformed"));
        ObjectNode oversized = scheduled(random);
        oversized.put("cloud_task_id", "t".repeat(300));
        poison.put("oversized cloud_task_id", new Poison(parse(oversized), "field_too_long"));
        poison.put("http_status out of range", new Poison(parse(diagnostic(random, 700)), "invalid_http_status"));
        ObjectNode beforeEpoch = scheduled(random);
        beforeEpoch.put("occurred_at", "1969-12-31T23:59:59Z");
        poison.put("occurred_at before 1970", new Poison(parse(beforeEpoch), "malformed"));
        return poison;
    }

    record Poison(PublishedRecord record, String reason) {}

    private static ObjectNode scheduled(Random random) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "sync.scheduled");
        event.put("event_id", uuid(random).toString());
        event.put("occurred_at", FaultWorkload.START.toString());
        event.put("trigger_type", "cloud_task");
        event.put("sync_log_id", uuid(random).toString());
        event.put("workspace_id", uuid(random).toString());
        event.put("workspace_connector_id", uuid(random).toString());
        return event;
    }

    private static ObjectNode diagnostic(Random random, int httpStatus) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "diagnostic.emitted");
        event.put("event_id", uuid(random).toString());
        event.put("occurred_at", FaultWorkload.START.toString());
        event.put("workspace_id", uuid(random).toString());
        event.put("workspace_connector_id", uuid(random).toString());
        event.put("diagnostic_id", uuid(random).toString());
        event.put("target_model", "invoice");
        event.put("reason", "mapped_entities_dropped");
        event.put("http_status", httpStatus);
        event.put("detail", "poison");
        return event;
    }

    private static PublishedRecord parse(ObjectNode event) {
        try {
            return PublishedRecord.of(new EventLineParser().parse(event.toString()));
        } catch (InvalidEventLineException e) {
            throw new IllegalStateException("the CLI cannot read " + event, e);
        }
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
