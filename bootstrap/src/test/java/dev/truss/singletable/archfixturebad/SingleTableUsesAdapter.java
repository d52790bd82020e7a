package dev.truss.singletable.archfixturebad;

import dev.truss.adapters.archfixturegooda.GoodAdapterA;

/** Architecture fixture, a violation: the layer under the adapters using one of them. */
public final class SingleTableUsesAdapter {
  GoodAdapterA adapter;
}
