package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.TriggerType;
import org.junit.jupiter.api.Test;

class ContributionChangesTest {

    private static final String KEY = "connector-sync.state.workspace-connector-sync-logs/r";

    @Test
    void shouldTellNothingForARedeliveredRow() {
        RunContribution row = StateRowContributions.of(run("r").succeeded(10).avro());

        assertThat(ContributionChanges.between(KEY, row, row)).isEmpty();
    }

    @Test
    void shouldTellNothingWhenOnlyFieldsTheStatusIgnoresChanged() {
        RunContribution before = StateRowContributions.of(run("r").inProgress().updated(5).revision(2).avro());
        RunContribution after = StateRowContributions.of(run("r").inProgress().updated(5).trigger(TriggerType.manual).revision(3).avro());

        assertThat(ContributionChanges.between(KEY, before, after)).isEmpty();
    }

    @Test
    void shouldTellNothingForATombstoneOfARowNeverSeen() {
        assertThat(ContributionChanges.between(KEY, null, null)).isEmpty();
    }

    @Test
    void shouldTellTheChangeFromBeforeToAfter() {
        RunContribution before = StateRowContributions.of(run("r").inProgress().avro());
        RunContribution after = StateRowContributions.of(run("r").succeeded(10).avro());

        assertThat(ContributionChanges.between(KEY, before, after)).containsExactly(new ContributionChange(KEY, before, after));
        assertThat(ContributionChanges.between(KEY, after, null)).containsExactly(new ContributionChange(KEY, after, null));
    }

    @Test
    void shouldSplitAMoveToAnotherConnectorIntoARemovalAndAnAddition() {
        RunContribution before = StateRowContributions.of(run("r").succeeded(10).avro());
        RunContribution after = StateRowContributions.of(run("r").connector(StateRows.OTHER_CONNECTOR).succeeded(10).avro());

        assertThat(ContributionChanges.between(KEY, before, after)).containsExactly(
                new ContributionChange(KEY, before, null), new ContributionChange(KEY, null, after));
        assertThatThrownBy(() -> new ContributionChange(KEY, before, after)).isInstanceOf(IllegalArgumentException.class);
    }
}
