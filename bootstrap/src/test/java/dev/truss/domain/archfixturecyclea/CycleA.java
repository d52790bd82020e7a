package dev.truss.domain.archfixturecyclea;

import dev.truss.domain.archfixturecycleb.CycleB;

/** Architecture fixture, a violation: half of a package cycle. */
public final class CycleA {
  CycleB b;
}
