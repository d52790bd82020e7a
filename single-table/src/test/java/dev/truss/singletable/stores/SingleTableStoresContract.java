package dev.truss.singletable.stores;

import dev.truss.application.TrussCore;
import dev.truss.application.contract.AnalyticsStoreContract;
import dev.truss.application.contract.AssetStoreContract;
import dev.truss.application.contract.ClipStoreContract;
import dev.truss.application.contract.CreatorStoreContract;
import dev.truss.application.contract.JobStoreContract;
import dev.truss.application.contract.MagicLinkStoreContract;
import dev.truss.application.contract.PlatformConnectionStoreContract;
import dev.truss.application.contract.PublicationStoreContract;
import dev.truss.application.contract.SessionStoreContract;
import dev.truss.application.contract.StreamStoreContract;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.SessionStore;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.singletable.Table;
import org.junit.jupiter.api.Nested;

/**
 * Every storage contract of the application, run on the single-table stores over one backend,
 * with sealed cursors and crash safety.
 * A backend's test extends this and says how to get an empty table.
 */
public abstract class SingleTableStoresContract {

    /** A table with no items, for one test. */
    protected abstract Table emptyTable();

    /** How many shards clips are spread over; more than one exercises the merged listing. */
    protected int clipShards() {
        return 3;
    }

    private TrussCore.Stores stores() {
        return SingleTableStores.on(emptyTable(), clipShards());
    }

    @Nested
    class Creators extends CreatorStoreContract {
        @Override
        protected CreatorStore newStore() {
            return stores().creators();
        }
    }

    @Nested
    class Assets extends AssetStoreContract {
        @Override
        protected AssetStore newStore() {
            return stores().assets();
        }
    }

    @Nested
    class Clips extends ClipStoreContract {
        @Override
        protected ClipStore newStore() {
            return stores().clips();
        }
    }

    @Nested
    class Streams extends StreamStoreContract {
        @Override
        protected StreamStore newStore() {
            return stores().streams();
        }
    }

    @Nested
    class Analytics extends AnalyticsStoreContract {
        @Override
        protected AnalyticsStore newStore() {
            return stores().analytics();
        }
    }

    @Nested
    class Connections extends PlatformConnectionStoreContract {
        @Override
        protected PlatformConnectionStore newStore() {
            return stores().connections();
        }
    }

    @Nested
    class Publications extends PublicationStoreContract {
        @Override
        protected PublicationStore newStore() {
            return stores().publications();
        }
    }

    @Nested
    class MagicLinks extends MagicLinkStoreContract {
        @Override
        protected MagicLinkStore newStore() {
            return stores().magicLinks();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore newStore() {
            return stores().sessions();
        }
    }

    @Nested
    class Cursors extends SealedCursorsContract {
        @Override
        protected Table emptyTable() {
            return SingleTableStoresContract.this.emptyTable();
        }
    }

    @Nested
    class CrashSafety extends CrashSafetyContract {
        @Override
        protected Table emptyTable() {
            return SingleTableStoresContract.this.emptyTable();
        }
    }

    @Nested
    class Jobs extends JobStoreContract {
        @Override
        protected JobStore newStore() {
            return stores().jobs();
        }
    }
}
