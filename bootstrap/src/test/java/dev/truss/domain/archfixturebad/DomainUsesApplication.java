package dev.truss.domain.archfixturebad;

import dev.truss.application.archfixturegood.GoodUseCase;

/** Architecture fixture, a violation: the domain reaching up into the application. */
public final class DomainUsesApplication {
  GoodUseCase useCase;
}
