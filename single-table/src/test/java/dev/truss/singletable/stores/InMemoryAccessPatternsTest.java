package dev.truss.singletable.stores;

import dev.truss.singletable.CountingTable;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Table;

class InMemoryAccessPatternsTest extends AccessPatternsContract {

    private final CountingTable table = new CountingTable(new InMemoryTable());

    @Override
    protected Table table() {
        return table;
    }

    @Override
    protected long requests() {
        return table.calls();
    }
}
