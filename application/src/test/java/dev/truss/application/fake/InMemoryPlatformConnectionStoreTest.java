package dev.truss.application.fake;

import dev.truss.application.contract.PlatformConnectionStoreContract;
import dev.truss.application.port.storage.PlatformConnectionStore;

class InMemoryPlatformConnectionStoreTest extends PlatformConnectionStoreContract {

    @Override
    protected PlatformConnectionStore newStore() {
        return new InMemoryPlatformConnectionStore();
    }
}
