package dev.truss.application.fake;

import dev.truss.application.contract.PublicationStoreContract;
import dev.truss.application.port.storage.PublicationStore;

class InMemoryPublicationStoreTest extends PublicationStoreContract {

    @Override
    protected PublicationStore newStore() {
        return new InMemoryPublicationStore();
    }
}
