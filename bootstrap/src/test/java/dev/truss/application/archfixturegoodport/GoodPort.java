package dev.truss.application.archfixturegoodport;

import dev.truss.domain.archfixturegood.GoodDomainValue;

/** Architecture fixture: a port, speaking domain types. */
public interface GoodPort {
    void save(GoodDomainValue value);
}
