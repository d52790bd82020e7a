package dev.truss.domain.archfixturegoodunit;

/** Architecture fixture: a domain value other domain packages may use. */
public record GoodUnit(long millis) {}
