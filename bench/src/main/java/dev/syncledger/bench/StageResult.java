package dev.syncledger.bench;

import java.util.List;
import java.util.Map;

/** What one benchmark stage measured: rows for the table, and the same numbers, unrounded, for the JSON. */
record StageResult(String stage, List<ResultRow> rows, Map<String, Object> numbers) {}
