package dev.truss.application.fake;

import dev.truss.application.contract.JobStoreContract;
import dev.truss.application.port.storage.JobStore;

class InMemoryJobStoreTest extends JobStoreContract {

    @Override
    protected JobStore newStore() {
        return new InMemoryJobStore();
    }
}
