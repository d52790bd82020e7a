package dev.truss.application.archfixturecycleb;

import dev.truss.application.archfixturecyclea.CycleA;

/** Architecture fixture, a violation: the other half of a package cycle. */
public final class CycleB {
  CycleA a;
}
