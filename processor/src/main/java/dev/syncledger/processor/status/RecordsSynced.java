package dev.syncledger.processor.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How many records a run's metadata says it synced: {@code metadata.records_synced}, when it is a count. */
public final class RecordsSynced {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordsSynced() {}

    /**
     * A whole, non-negative JSON number that fits a long (312 or 312.0); anything else (absent, text,
     * negative, fractional, huge) counts 0, so one odd run cannot poison a connector's total.
     */
    public static long of(String metadata) {
        if (metadata == null) {
            return 0;
        }
        JsonNode root;
        try {
            root = JSON.readTree(metadata);
        } catch (JsonProcessingException e) {
            return 0;
        }
        JsonNode value = root == null ? null : root.get("records_synced");
        if (value == null || !value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            return 0;
        }
        return Math.max(0, value.longValue());
    }
}
