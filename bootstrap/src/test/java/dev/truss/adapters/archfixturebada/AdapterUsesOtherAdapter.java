package dev.truss.adapters.archfixturebada;

import dev.truss.adapters.archfixturebadb.OtherAdapter;

/** Architecture fixture, a violation: one adapter using another. */
public final class AdapterUsesOtherAdapter {
  OtherAdapter other;
}
