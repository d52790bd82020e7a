package dev.truss.application.fake;

import dev.truss.application.contract.StreamStoreContract;
import dev.truss.application.port.storage.StreamStore;

class InMemoryStreamStoreTest extends StreamStoreContract {

    @Override
    protected StreamStore newStore() {
        return new InMemoryStreamStore();
    }
}
