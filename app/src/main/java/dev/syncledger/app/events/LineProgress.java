package dev.syncledger.app.events;

/** Told of every line a feed has handled, so a person can watch a long feed advance. */
public interface LineProgress {

    LineProgress NONE = new LineProgress() {
        @Override
        public void lineDone() {}

        @Override
        public void finished() {}
    };

    void lineDone();

    void finished();
}
