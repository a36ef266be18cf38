package dev.syncledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveSinkTest {

    @Test
    void aSteadyRateIsKnownExactly() {
        assertThat(NaiveSink.precision(List.of(2000.0, 2000.0, 2000.0, 2000.0, 2000.0))).isZero();
    }

    @Test
    void precisionIsTheConfidenceHalfWidthOfTheMeanRelativeToIt() {
        // Mean 2,223, sample standard deviation 106.2, standard error 47.5, t(4) = 2.776: ±131.8, i.e. ±5.93%.
        List<Double> rates = List.of(2134.0, 2135.0, 2183.0, 2287.0, 2377.0);
        assertThat(NaiveSink.precision(rates)).isCloseTo(0.0593, within(0.0005));
    }

    @Test
    void moreSlicesOfTheSameWanderingNarrowIt() {
        List<Double> five = List.of(2100.0, 2300.0, 2100.0, 2300.0, 2200.0);
        List<Double> ten = List.of(2100.0, 2300.0, 2100.0, 2300.0, 2200.0, 2100.0, 2300.0, 2100.0, 2300.0, 2200.0);
        assertThat(NaiveSink.precision(ten)).isLessThan(NaiveSink.precision(five) / 1.5);
    }

    @Test
    void oneSliceSaysNothing() {
        assertThat(NaiveSink.precision(List.of(2000.0))).isInfinite();
    }
}
