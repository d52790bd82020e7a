package dev.truss.application.fake;

import dev.truss.application.contract.SessionStoreContract;
import dev.truss.application.port.storage.SessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
