package dev.syncledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A meter binder whose meters depend on what is seen at run time (a new table, reason or partition):
 * the server calls it before each scrape so that it can register them.
 */
public interface RefreshedOnScrape {

    void beforeScrape(MeterRegistry registry);
}
