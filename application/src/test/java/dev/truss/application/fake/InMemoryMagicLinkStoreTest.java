package dev.truss.application.fake;

import dev.truss.application.contract.MagicLinkStoreContract;
import dev.truss.application.port.storage.MagicLinkStore;

class InMemoryMagicLinkStoreTest extends MagicLinkStoreContract {

    @Override
    protected MagicLinkStore newStore() {
        return new InMemoryMagicLinkStore();
    }
}
