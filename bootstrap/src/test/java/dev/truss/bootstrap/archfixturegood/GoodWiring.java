package dev.truss.bootstrap.archfixturegood;

import dev.truss.adapters.archfixturegooda.GoodAdapterA;
import dev.truss.adapters.archfixturegoodb.GoodAdapterB;
import dev.truss.application.archfixturegood.GoodUseCase;

/** Architecture fixture: bootstrap is the one place that knows several adapters. */
public final class GoodWiring {
    public GoodUseCase first() {
        return new GoodUseCase(new GoodAdapterA());
    }

    public GoodUseCase second() {
        return new GoodUseCase(new GoodAdapterB());
    }
}
