package dev.syncledger.bench;

/**
 * One line of the printed table: a measured value beside the reference it is judged against, the
 * ratio of the two and the goal the issue sets for that ratio (empty where there is none).
 */
record ResultRow(String stage, String measure, String value, String reference, String ratio, String goal) {

    static final String HEADER_FORMAT = "%-10s %-44s %16s %16s %8s %-18s%n";

    static ResultRow plain(String stage, String measure, String value) {
        return new ResultRow(stage, measure, value, "", "", "");
    }

    static String header() {
        return String.format(HEADER_FORMAT, "stage", "measure", "value", "reference", "ratio", "goal");
    }

    String line() {
        return String.format(HEADER_FORMAT, stage, measure, value, reference, ratio, goal);
    }

    String markdown() {
        return "| " + String.join(" | ", stage, measure, value, reference, ratio, goal) + " |";
    }
}
