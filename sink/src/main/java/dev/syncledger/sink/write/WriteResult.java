package dev.syncledger.sink.write;

/**
 * What one committed batch did. {@code syncLogsUpserted} counts the upserts sent, including those
 * the version guard left unchanged; {@code syncLogsDeleted} counts rows that existed and were
 * deleted; {@code rejectedEventsWritten} counts rejections sent, including replays already stored.
 */
public record WriteResult(int syncLogsUpserted, int syncLogsDeleted, int rejectedEventsWritten) {}
