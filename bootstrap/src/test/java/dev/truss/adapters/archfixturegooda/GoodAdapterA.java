package dev.truss.adapters.archfixturegooda;

import dev.truss.application.archfixturegoodport.GoodPort;
import dev.truss.domain.archfixturegood.GoodDomainValue;
import javax.crypto.Cipher;

/** Architecture fixture: an adapter implementing a port; adapters may use libraries. */
public final class GoodAdapterA implements GoodPort {
    Cipher cipher;

    @Override
    public void save(GoodDomainValue value) {}
}
