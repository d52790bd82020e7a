package dev.truss.singletable;

/** Whether a conditional put was made. */
public enum PutOutcome {
    WRITTEN,
    CONDITION_FAILED
}
