package dev.truss.application.archfixturegood;

import dev.truss.application.archfixturegoodport.GoodPort;
import dev.truss.domain.archfixturegood.GoodDomainValue;
import java.util.Objects;

/** Architecture fixture: a use case using the domain, its port and the JDK. */
public final class GoodUseCase {
    private final GoodPort port;

    public GoodUseCase(GoodPort port) {
        this.port = Objects.requireNonNull(port);
    }

    public void run(GoodDomainValue value) {
        port.save(value);
    }
}
