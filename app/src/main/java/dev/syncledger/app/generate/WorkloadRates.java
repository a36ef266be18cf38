package dev.syncledger.app.generate;

/**
 * How often the things besides plain runs happen in a generated workload. Every rate is a probability
 * between 0 and 1 except {@code documentsPerSuccessfulRun}, a mean.
 *
 * @param failureRate share of runs that end in {@code sync.failed}; a connector's own rate is drawn
 *     around it (most connectors are healthy, a few are broken), so the workload's mean stays close
 * @param informationalDiagnosticRate share of runs that emit one informational diagnostic (jury
 *     telemetry, schema drift, pipeline degradation…); every failed run emits one failure diagnostic
 * @param documentsPerSuccessfulRun mean number of documents a successful run links (Poisson)
 * @param outputDocumentShare share of those links in the {@code output} direction, the rest {@code input}
 * @param unlinkRate share of links unlinked again minutes after their run
 * @param collectRate chance, per hour, that a browser-extension connector records a collect
 * @param collectErrorRate share of collects that end in {@code error} rather than {@code finalized}
 * @param collectWithoutConnectorRate share of collects that name no connector (manual or legacy ones)
 * @param collectDeleteRate share of collects soft-deleted after they end
 * @param runDeleteRate share of runs soft-deleted after they end
 * @param silentConnectorRate share of connectors whose scheduler dies in the second half of the workload: no run, no
 *     event from then on, so they turn delayed, then overdue
 * @param failureStreakRate share of connectors that fail in streaks: a failure of theirs is followed by 2 to 5 more
 */
public record WorkloadRates(
        double failureRate,
        double informationalDiagnosticRate,
        double documentsPerSuccessfulRun,
        double outputDocumentShare,
        double unlinkRate,
        double collectRate,
        double collectErrorRate,
        double collectWithoutConnectorRate,
        double collectDeleteRate,
        double runDeleteRate,
        double silentConnectorRate,
        double failureStreakRate) {

    /** A mean above this many documents per run would make one run's links a workload of their own. */
    public static final double MAX_DOCUMENTS_PER_RUN = 50;

    public WorkloadRates {
        requireProbability("failureRate", failureRate);
        requireProbability("informationalDiagnosticRate", informationalDiagnosticRate);
        if (!(documentsPerSuccessfulRun >= 0 && documentsPerSuccessfulRun <= MAX_DOCUMENTS_PER_RUN)) {
            throw new IllegalArgumentException("documentsPerSuccessfulRun must be between 0 and " + MAX_DOCUMENTS_PER_RUN
                    + ", not " + documentsPerSuccessfulRun);
        }
        requireProbability("outputDocumentShare", outputDocumentShare);
        requireProbability("unlinkRate", unlinkRate);
        requireProbability("collectRate", collectRate);
        requireProbability("collectErrorRate", collectErrorRate);
        requireProbability("collectWithoutConnectorRate", collectWithoutConnectorRate);
        requireProbability("collectDeleteRate", collectDeleteRate);
        requireProbability("runDeleteRate", runDeleteRate);
        requireProbability("silentConnectorRate", silentConnectorRate);
        requireProbability("failureStreakRate", failureStreakRate);
    }

    /**
     * What a connector platform typically sees: one run in five fails, most documents come in, few things get deleted.
     * No connector goes silent or fails in streaks unless asked, so a seed keeps giving the workload it always gave.
     */
    public static WorkloadRates realistic() {
        return new WorkloadRates(0.20, 0.15, 1.5, 0.20, 0.05, 0.6, 0.15, 0.10, 0.03, 0.01, 0, 0);
    }

    public WorkloadRates withFailureRate(double rate) {
        return new WorkloadRates(rate, informationalDiagnosticRate, documentsPerSuccessfulRun, outputDocumentShare, unlinkRate,
                collectRate, collectErrorRate, collectWithoutConnectorRate, collectDeleteRate, runDeleteRate, silentConnectorRate,
                failureStreakRate);
    }

    public WorkloadRates withSilentConnectors(double rate) {
        return new WorkloadRates(failureRate, informationalDiagnosticRate, documentsPerSuccessfulRun, outputDocumentShare, unlinkRate,
                collectRate, collectErrorRate, collectWithoutConnectorRate, collectDeleteRate, runDeleteRate, rate, failureStreakRate);
    }

    public WorkloadRates withFailureStreaks(double rate) {
        return new WorkloadRates(failureRate, informationalDiagnosticRate, documentsPerSuccessfulRun, outputDocumentShare, unlinkRate,
                collectRate, collectErrorRate, collectWithoutConnectorRate, collectDeleteRate, runDeleteRate, silentConnectorRate, rate);
    }

    static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + value);
        }
    }
}
