package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.TriggerType;
import org.junit.jupiter.api.Test;

class ContributionChangesTest {

    @Test
    void shouldTellNothingForARedeliveredRow() {
        RunContribution row = StateRowContributions.of(run("r").succeeded(10).avro());

        assertThat(ContributionChanges.between(row, row)).isEmpty();
    }

    @Test
    void shouldTellNothingWhenOnlyFieldsTheStatusIgnoresChanged() {
        RunContribution before = StateRowContributions.of(run("r").inProgress().updated(5).revision(2).avro());
        RunContribution after = StateRowContributions.of(run("r").inProgress().updated(5).trigger(TriggerType.manual).revision(3).avro());

        assertThat(ContributionChanges.between(before, after)).isEmpty();
    }

    @Test
    void shouldTellNothingForATombstoneOfARowNeverSeen() {
        assertThat(ContributionChanges.between(null, null)).isEmpty();
    }

    @Test
    void shouldTellTheChangeFromBeforeToAfter() {
        RunContribution before = StateRowContributions.of(run("r").inProgress().avro());
        RunContribution after = StateRowContributions.of(run("r").succeeded(10).avro());

        assertThat(ContributionChanges.between(before, after)).containsExactly(new ContributionChange(before, after));
        assertThat(ContributionChanges.between(after, null)).containsExactly(new ContributionChange(after, null));
    }

    @Test
    void shouldSplitAMoveToAnotherConnectorIntoARemovalAndAnAddition() {
        RunContribution before = StateRowContributions.of(run("r").succeeded(10).avro());
        RunContribution after = StateRowContributions.of(run("r").connector(StateRows.OTHER_CONNECTOR).succeeded(10).avro());

        assertThat(ContributionChanges.between(before, after)).containsExactly(
                new ContributionChange(before, null), new ContributionChange(null, after));
        assertThatThrownBy(() -> new ContributionChange(before, after)).isInstanceOf(IllegalArgumentException.class);
    }
}
