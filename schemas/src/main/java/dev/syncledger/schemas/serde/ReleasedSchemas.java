package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Every released version of a record's schema, shipped in this jar as fully resolved JSON under
 * {@value #DIRECTORY}{@code <RecordName>-v<N>.avsc}. Single-object encoding carries only a fingerprint, so these
 * are what lets today's reader decode records written by an older release. Versions are numbered from 1 without
 * gaps; releasing a changed schema means adding the next file, never editing an old one.
 */
public final class ReleasedSchemas {

    public static final String DIRECTORY = "/dev/syncledger/schemas/released/";

    private ReleasedSchemas() {}

    /** The released versions of the record {@code current} describes, oldest first; empty if it was never released. */
    public static List<Schema> of(Schema current) {
        List<Schema> released = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = DIRECTORY + current.getName() + "-v" + version + ".avsc";
            try (InputStream json = ReleasedSchemas.class.getResourceAsStream(resource)) {
                if (json == null) {
                    return List.copyOf(released);
                }
                // A fresh parser per file: each file defines the same named types again.
                Schema schema = new Schema.Parser().parse(json);
                if (!schema.getFullName().equals(current.getFullName())) {
                    throw new IllegalStateException("released schema " + resource + " describes "
                            + schema.getFullName() + ", not " + current.getFullName());
                }
                released.add(schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            } catch (SchemaParseException e) {
                throw new IllegalStateException("released schema " + resource + " is not valid Avro: "
                        + OneLine.describe(e), e);
            }
        }
    }
}
