package dev.truss.adapters.archfixturegoodb;

import dev.truss.application.archfixturegoodport.GoodPort;
import dev.truss.domain.archfixturegood.GoodDomainValue;
import javax.crypto.Cipher;

/** Architecture fixture: an adapter implementing a port; adapters may use libraries. */
public final class GoodAdapterB implements GoodPort {
    Cipher cipher;

    @Override
    public void save(GoodDomainValue value) {}
}
