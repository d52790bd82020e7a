package dev.truss.application.archfixturebad;

import dev.truss.adapters.archfixturegooda.GoodAdapterA;

/** Architecture fixture, a violation: a use case knowing an adapter instead of its port. */
public final class ApplicationUsesAdapter {
  GoodAdapterA adapter;
}
