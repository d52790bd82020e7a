package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Attributes;
import java.util.Objects;

/** What {@link TableSetup#ensure()} did, for a CLI to print. */
public record TableSetupReport(String tableName, boolean tableCreated, TimeToLive timeToLive) {

    /** Expiry of items by their {@link Attributes#EXPIRES_AT}. */
    public enum TimeToLive {
        ENABLED_NOW,
        ALREADY_ENABLED,
        /** The endpoint has no UpdateTimeToLive (dynalite): items never expire there, reads still check expiry. */
        NOT_SUPPORTED_BY_ENDPOINT
    }

    public TableSetupReport {
        Objects.requireNonNull(tableName, "table name");
        Objects.requireNonNull(timeToLive, "time to live");
    }

    public boolean changedAnything() {
        return tableCreated || timeToLive == TimeToLive.ENABLED_NOW;
    }

    /** One line such as {@code table truss: created; TTL on expiresAt: enabled now}. */
    public String summary() {
        String ttl;
        if (timeToLive == TimeToLive.ENABLED_NOW) {
            ttl = "enabled now";
        } else if (timeToLive == TimeToLive.ALREADY_ENABLED) {
            ttl = "already enabled";
        } else {
            ttl = "not supported by this endpoint";
        }
        return "table " + tableName + ": " + (tableCreated ? "created" : "already there with the right shape")
                + "; TTL on " + Attributes.EXPIRES_AT + ": " + ttl
                + (changedAnything() ? "" : "; nothing changed");
    }
}
