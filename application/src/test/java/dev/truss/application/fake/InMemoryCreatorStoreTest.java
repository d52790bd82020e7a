package dev.truss.application.fake;

import dev.truss.application.contract.CreatorStoreContract;
import dev.truss.application.port.storage.CreatorStore;

class InMemoryCreatorStoreTest extends CreatorStoreContract {

    @Override
    protected CreatorStore newStore() {
        return new InMemoryCreatorStore();
    }
}
