package dev.syncledger.app.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector provider as workspaces install them: its slug, the entity models its tools read, how
 * often workspaces have it, its page size and the OAuth scope a missing grant names.
 */
record Provider(String slug, Kind kind, int popularity, int pageSize, String scope) {

    enum Kind {
        ACCOUNTING(List.of("invoice", "company", "transaction", "account", "ledger_account", "journal", "journal_entry",
                "payment_means", "invoice_transaction")),
        BANKING(List.of("transaction", "account", "payment_means", "invoice_transaction")),
        EMAIL(List.of("email", "document", "people", "company")),
        STORAGE(List.of("document", "invoice")),
        BROWSER_EXTENSION(List.of("people", "company", "document"));

        private final List<String> targetModels;

        Kind(List<String> targetModels) {
            this.targetModels = targetModels;
        }

        List<String> targetModels() {
            return targetModels;
        }
    }

    static final List<Provider> CATALOGUE = List.of(
            new Provider("pennylane", Kind.ACCOUNTING, 14, 100, "accounting:read"),
            new Provider("qonto", Kind.BANKING, 12, 100, "transactions.read"),
            new Provider("gmail", Kind.EMAIL, 12, 25, "https://www.googleapis.com/auth/gmail.readonly"),
            new Provider("chrome-extension", Kind.BROWSER_EXTENSION, 10, 20, "extension:collect"),
            new Provider("xero", Kind.ACCOUNTING, 8, 100, "accounting.transactions.read"),
            new Provider("outlook", Kind.EMAIL, 8, 50, "Mail.Read"),
            new Provider("quickbooks", Kind.ACCOUNTING, 6, 1000, "com.intuit.quickbooks.accounting"),
            new Provider("revolut", Kind.BANKING, 6, 100, "READ"),
            new Provider("stripe", Kind.BANKING, 6, 100, "read_only"),
            new Provider("google-drive", Kind.STORAGE, 5, 100, "https://www.googleapis.com/auth/drive.readonly"),
            new Provider("sage", Kind.ACCOUNTING, 4, 200, "full_access"),
            new Provider("dropbox", Kind.STORAGE, 3, 2000, "files.content.read"));

    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("invoice", List.of("issue_date", "total_amount", "currency", "invoice_number")),
            Map.entry("company", List.of("legal_name", "vat_number", "registration_number")),
            Map.entry("people", List.of("email", "full_name", "job_title")),
            Map.entry("transaction", List.of("amount", "booked_at", "counterparty_name")),
            Map.entry("account", List.of("iban", "currency", "balance")),
            Map.entry("ledger_account", List.of("number", "label")),
            Map.entry("journal", List.of("code", "label")),
            Map.entry("journal_entry", List.of("date", "debit", "credit")),
            Map.entry("email", List.of("message_id", "received_at", "from")),
            Map.entry("payment_means", List.of("type", "last4")),
            Map.entry("invoice_transaction", List.of("matched_amount", "matched_at")),
            Map.entry("document", List.of("file_name", "mime_type", "sha256")));

    /** The MCP tool that reads one model, as the platform names them: {@code pennylane_get_invoices}. */
    String tool(String targetModel) {
        String plural = switch (targetModel) {
            case "company" -> "companies";
            case "people" -> "people";
            case "payment_means" -> "payment_means";
            default -> targetModel + "s";
        };
        return slug.replace('-', '_') + "_get_" + plural;
    }

    boolean isBrowserExtension() {
        return kind == Kind.BROWSER_EXTENSION;
    }

    static List<String> fieldsOf(String targetModel) {
        return FIELDS.get(targetModel);
    }

    /**
     * The providers of one workspace's connectors, by popularity and without repeats while the
     * catalogue lasts; a workspace with more connectors than providers gets second mailboxes and
     * second bank accounts.
     */
    static List<Provider> forWorkspace(Draw draw, int connectors) {
        List<Provider> chosen = new ArrayList<>(connectors);
        List<Provider> left = new ArrayList<>(CATALOGUE);
        while (chosen.size() < connectors) {
            if (left.isEmpty()) {
                left.addAll(CATALOGUE);
            }
            Provider provider = draw.weighted(left, Provider::popularity);
            left.remove(provider);
            chosen.add(provider);
        }
        return chosen;
    }
}
