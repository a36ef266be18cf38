package dev.syncledger.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildProcessorTest {

    @Test
    void shouldTakeACommitRefusedAfterTheCoordinatorAbortedTheTransactionAsFencing() {
        // The line a resumed zombie logged in a -Pfaults run, where the test then waited for a fencing it did not recognise.
        assertThat(ChildProcessor.showsFencing(
                "Caused by: org.apache.kafka.common.errors.InvalidTxnStateException: The producer attempted a transactional operation in an invalid state."))
                .isTrue();
    }

    @Test
    void shouldTakeEveryOtherRefusalAsFencing() {
        assertThat(ChildProcessor.showsFencing("org.apache.kafka.common.errors.ProducerFencedException: There is a newer producer")).isTrue();
        assertThat(ChildProcessor.showsFencing("org.apache.kafka.common.errors.InvalidProducerEpochException: epoch 3")).isTrue();
        assertThat(ChildProcessor.showsFencing("org.apache.kafka.streams.errors.TaskMigratedException: Task 0_1 is no longer owned")).isTrue();
    }

    @Test
    void shouldNotTakeOrdinaryLinesAsFencing() {
        assertThat(ChildProcessor.showsFencing("processor running as application faults with 1 thread(s), exactly_once_v2")).isFalse();
        assertThat(ChildProcessor.showsFencing("fault-suite processor running")).isFalse();
    }
}
