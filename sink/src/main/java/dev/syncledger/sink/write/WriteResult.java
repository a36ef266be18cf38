package dev.syncledger.sink.write;

/**
 * What one committed batch did, over every state table. {@code rowsWritten} counts the rows sent,
 * including those the version guard (or, for diagnostics, the insert-only rule) left unchanged;
 * {@code rowsDeleted} counts rows that existed and were deleted by a tombstone;
 * {@code rejectedEventsWritten} counts rejections sent, including replays already stored.
 */
public record WriteResult(int rowsWritten, int rowsDeleted, int rejectedEventsWritten) {}
