package dev.truss.application.fake;

import dev.truss.application.contract.AnalyticsStoreContract;
import dev.truss.application.port.storage.AnalyticsStore;

class InMemoryAnalyticsStoreTest extends AnalyticsStoreContract {

    @Override
    protected AnalyticsStore newStore() {
        return new InMemoryAnalyticsStore();
    }
}
