package dev.truss.singletable;

class InMemoryTableTest extends TableContract {

    private final InMemoryTable table = new InMemoryTable();

    @Override
    protected Table table() {
        return table;
    }
}
