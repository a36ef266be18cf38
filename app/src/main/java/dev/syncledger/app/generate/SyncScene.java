package dev.syncledger.app.generate;

/** Where in a sync something happens, for the texts that describe it: the provider, the model being synced and the page. */
record SyncScene(Provider provider, String targetModel, long page, Draw draw) {

    String slug() {
        return provider.slug();
    }

    String tool() {
        return provider.tool(targetModel);
    }

    /** One of the model's fields, for messages about a field. */
    String field() {
        return draw.pick(Provider.fieldsOf(targetModel));
    }
}
