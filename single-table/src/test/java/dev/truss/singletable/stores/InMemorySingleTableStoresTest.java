package dev.truss.singletable.stores;

import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Table;

class InMemorySingleTableStoresTest extends SingleTableStoresContract {

    @Override
    protected Table emptyTable() {
        return new InMemoryTable();
    }
}
