package dev.truss.domain;

/**
 * An entity changed by read-modify-write. Stores keep the version: an update succeeds only
 * when the stored version is the one that was read, so a lost race is detected, not lost data.
 */
public interface Versioned<T extends Versioned<T>> {

    long version();

    /** The same entity carrying another version number (stores call this when they save). */
    T withVersion(long version);
}
