package dev.truss.application.archfixturecyclea;

import dev.truss.application.archfixturecycleb.CycleB;

/** Architecture fixture, a violation: half of a package cycle. */
public final class CycleA {
  CycleB b;
}
