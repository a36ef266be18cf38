package dev.syncledger.app.generate;

/** How long a run lasts, in milliseconds: skewed like real syncs, most under a minute and a long tail of slow ones. */
enum RunLength {
    /** Refused at once: an expired token, a missing tool. About two seconds. */
    FAST {
        @Override
        long draw(Draw draw) {
            return draw.logNormal(2_500, 0.5, 400, 20_000);
        }
    },
    /** A normal sync: median 45 s, one in twenty over four minutes, never over 25 minutes. */
    NORMAL {
        @Override
        long draw(Draw draw) {
            return draw.logNormal(45_000, 1.1, 1_500, MAX_MILLIS);
        }
    },
    /** Killed by the 300-second tool budget. */
    TIMEOUT {
        @Override
        long draw(Draw draw) {
            return TIMEOUT_SECONDS * 1_000L + draw.between(0, 1_500);
        }
    };

    static final long MAX_MILLIS = 25 * 60_000L;
    static final int TIMEOUT_SECONDS = 300;

    abstract long draw(Draw draw);
}
