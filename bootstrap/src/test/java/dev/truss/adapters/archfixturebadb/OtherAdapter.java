package dev.truss.adapters.archfixturebadb;

/** Architecture fixture: an adapter another adapter wrongly uses. */
public final class OtherAdapter {}
