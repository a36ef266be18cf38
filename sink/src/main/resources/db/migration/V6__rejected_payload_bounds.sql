-- A rejected record's raw value is kept whole up to 65,536 bytes; a larger one as its first 65,536 bytes, its
-- size and the SHA-256 of the whole, so that a rejection always fits a Kafka record and a row stays small.
-- A NULL payload with a NULL size: the processor rejected an event it had accepted earlier, by its position.
ALTER TABLE rejected_events
    ADD COLUMN payload_size integer,
    ADD COLUMN payload_sha256 text,
    ADD COLUMN payload_truncated boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN rejected_events.payload IS
    'the raw record value: whole up to 65,536 bytes, its first 65,536 bytes when payload_truncated';
