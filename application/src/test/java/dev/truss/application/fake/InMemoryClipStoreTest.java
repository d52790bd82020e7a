package dev.truss.application.fake;

import dev.truss.application.contract.ClipStoreContract;
import dev.truss.application.port.storage.ClipStore;

class InMemoryClipStoreTest extends ClipStoreContract {

    @Override
    protected ClipStore newStore() {
        return new InMemoryClipStore();
    }
}
