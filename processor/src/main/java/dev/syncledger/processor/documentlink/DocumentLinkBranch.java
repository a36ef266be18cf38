package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.ledger.EntityBranch;
import dev.syncledger.processor.ledger.HeldLedgers;
import dev.syncledger.processor.ledger.LedgerOutput;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorRef;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.status.ContributionChanges;
import dev.syncledger.processor.status.DocumentLinkContribution;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/** The document-link branch: document-links in, link ledgers held, a link's row and its status change out once per commit. */
public final class DocumentLinkBranch implements EntityBranch<LinkEvent> {

    public static final String LEDGER_STORE = "document-link-ledgers";

    private final AvroCodec<DocumentLinkEvent> input;
    private final AvroCodec<DocumentWorkspaceConnector> output;
    private final DocumentLinkEventReader reader = new DocumentLinkEventReader();
    private final DocumentLinkFold fold;
    private final LedgerRules rules;
    private HeldLedgers<DocumentLinkLedger> ledgers;
    private LedgerOutput out;

    public DocumentLinkBranch(SerdeConfig serde, LedgerRules rules) {
        this.input = AvroCodec.create(DocumentLinkEvent.getClassSchema(), serde);
        this.output = AvroCodec.create(DocumentWorkspaceConnector.getClassSchema(), serde);
        this.fold = new DocumentLinkFold(rules);
        this.rules = rules;
    }

    @Override
    public String topic() {
        return Topics.DOCUMENT_LINKS.name();
    }

    @Override
    public String entity() {
        return "document-link";
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return HeldLedgers.stores(LEDGER_STORE, DocumentLinkFormats.ledger(topic()));
    }

    @Override
    public void init(ProcessorContext<String, Emission> context, CommitHook hook, LedgerOutput output) {
        this.out = output;
        this.ledgers = HeldLedgers.open(context, hook, LEDGER_STORE, rules, ledger -> DocumentLinkLedger.ESTIMATED_BYTES, this::publish);
    }

    @Override
    public LinkEvent read(EventOrigin origin, byte[] value) throws UndecodableRecordException, MalformedEventException, UnknownDirectionException {
        return reader.read(origin.key(), input.decode(origin.topic(), value));
    }

    @Override
    public Instant occurredAt(LinkEvent event) {
        return event.occurredAt();
    }

    @Override
    public UUID eventId(LinkEvent event) {
        return event.eventId();
    }

    @Override
    public UUID workspaceId(LinkEvent event) {
        return event.workspaceId();
    }

    @Override
    public Optional<Rejection> judgeAlone(LinkEvent event, EventOrigin origin) {
        return Optional.empty();
    }

    @Override
    public ConnectorRef connectorOf(LinkEvent event) {
        return new ConnectorRef(event.key().workspaceConnectorId(), event.workspaceId());
    }

    @Override
    public void fold(LinkEvent event, EventOrigin origin, Instant clock) {
        ledgers.fold(event.key().toString(), stored -> fold.apply(stored, event, origin, clock), out);
    }

    @Override
    public byte[] park(LinkEvent event) {
        return DocumentLinkFormats.PARKED.encode(event);
    }

    @Override
    public LinkEvent unpark(byte[] parked) {
        return DocumentLinkFormats.PARKED.decode(parked);
    }

    @Override
    public int forgetExpired(Instant clock, int limit) {
        return ledgers.forgetExpired(clock, limit, DocumentLinkLedger::forgetRejections, out);
    }

    /** Called as the task commits: the link's row, if it changed, and what that changes in its connector's status. */
    private void publish(String key, DocumentLinkLedger before, DocumentLinkLedger after) {
        if (after == null) {
            return; // forgotten by the horizon: the row stays as it was last published
        }
        Optional<DocumentLinkRow> row = after.row();
        if (row.isPresent() && (before == null || before.revision() != after.revision())) {
            out.row(Destination.DOCUMENT_LINK_STATE, key,
                    output.encode(Topics.DOCUMENT_LINK_STATE.name(), DocumentLinkRows.toAvro(row.get(), after.revision())));
        }
        ContributionChanges.between(contribution(before), contribution(after)).forEach(out::change);
    }

    private static DocumentLinkContribution contribution(DocumentLinkLedger ledger) {
        return ledger == null ? null : ledger.row().map(row -> DocumentLinkRows.contribution(row, ledger.seenAt())).orElse(null);
    }
}
