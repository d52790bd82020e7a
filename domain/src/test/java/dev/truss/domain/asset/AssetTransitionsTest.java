package dev.truss.domain.asset;

import static dev.truss.domain.asset.AssetState.ANALYSED;
import static dev.truss.domain.asset.AssetState.ANALYSING;
import static dev.truss.domain.asset.AssetState.AWAITING_UPLOAD;
import static dev.truss.domain.asset.AssetState.FAILED;
import static dev.truss.domain.asset.AssetState.UPLOADED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.IllegalTransitionException;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AssetTransitionsTest {

    /** The lifecycle: awaiting upload → uploaded → analysing → analysed | failed; failed and analysed may be analysed again. */
    static final Map<AssetState, Set<AssetState>> ALLOWED = Map.of(
            AWAITING_UPLOAD, Set.of(UPLOADED, FAILED),
            UPLOADED, Set.of(ANALYSING, FAILED),
            ANALYSING, Set.of(ANALYSED, FAILED),
            ANALYSED, Set.of(ANALYSING),
            FAILED, Set.of(ANALYSING));

    @Property
    void a_state_allows_exactly_the_documented_moves(@ForAll AssetState from, @ForAll AssetState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @Property
    void an_asset_makes_every_allowed_move_and_refuses_every_other(@ForAll AssetState from, @ForAll AssetState to) {
        Assume.that(to != AWAITING_UPLOAD);
        Asset asset = Assets.in(from);

        if (ALLOWED.get(from).contains(to)) {
            Asset moved = Assets.moved(asset, to);
            assertThat(moved.state()).isEqualTo(to);
            assertThat(moved.failureReason().isPresent()).isEqualTo(to == FAILED);
            assertThat(moved.updatedAt()).isAfter(asset.updatedAt());
            assertThat(moved.createdAt()).isEqualTo(asset.createdAt());
        } else {
            assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> Assets.moved(asset, to))
                    .withMessageEndingWith("cannot go from " + from + " to " + to);
        }
    }
}
