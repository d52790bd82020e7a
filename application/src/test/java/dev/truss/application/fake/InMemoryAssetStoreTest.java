package dev.truss.application.fake;

import dev.truss.application.contract.AssetStoreContract;
import dev.truss.application.port.storage.AssetStore;

class InMemoryAssetStoreTest extends AssetStoreContract {

    @Override
    protected AssetStore newStore() {
        return new InMemoryAssetStore();
    }
}
