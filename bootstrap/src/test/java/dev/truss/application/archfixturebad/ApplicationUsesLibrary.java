package dev.truss.application.archfixturebad;

import org.assertj.core.api.Assertions;

/** Architecture fixture, a violation: a use case using a library that is not a framework. */
public final class ApplicationUsesLibrary {
    void check(Object o) {
        Assertions.assertThat(o).isNotNull();
    }
}
