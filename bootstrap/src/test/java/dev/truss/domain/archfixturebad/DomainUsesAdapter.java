package dev.truss.domain.archfixturebad;

import dev.truss.adapters.archfixturegooda.GoodAdapterA;

/** Architecture fixture, a violation: the core knowing an adapter. */
public final class DomainUsesAdapter {
  GoodAdapterA adapter;
}
