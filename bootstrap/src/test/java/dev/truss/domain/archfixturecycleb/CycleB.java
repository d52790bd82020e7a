package dev.truss.domain.archfixturecycleb;

import dev.truss.domain.archfixturecyclea.CycleA;

/** Architecture fixture, a violation: the other half of a package cycle. */
public final class CycleB {
  CycleA a;
}
