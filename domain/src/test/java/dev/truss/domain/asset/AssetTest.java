package dev.truss.domain.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AssetTest {

    @Test
    void an_announced_asset_waits_for_its_bytes_and_knows_no_duration_yet() {
        Asset asset = Assets.awaitingUpload();

        assertThat(asset.state()).isEqualTo(AssetState.AWAITING_UPLOAD);
        assertThat(asset.durationMs()).isEmpty();
        assertThat(asset.failureReason()).isEmpty();
    }

    @Test
    void an_upload_records_what_probing_found() {
        Asset asset = Assets.in(AssetState.UPLOADED);

        assertThat(asset.video()).contains(Assets.VIDEO);
        assertThat(asset.durationMs()).contains(600_000L);
    }

    @Test
    void an_asset_cannot_be_analysed_before_it_is_uploaded() {
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> Assets.awaitingUpload().analysing(Assets.AT));
    }

    @Test
    void an_asset_that_failed_before_its_upload_cannot_be_analysed_either() {
        Asset notAVideo = Assets.awaitingUpload().failed("not a video", Assets.AT);

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> notAVideo.analysing(Assets.AT.plusSeconds(1)));
    }

    @Test
    void a_failed_asset_carries_its_reason_and_a_retried_one_forgets_it() {
        Asset failed = Assets.in(AssetState.ANALYSING).failed("  the worker ran out of memory ", Assets.AT);

        assertThat(failed.failureReason()).contains("the worker ran out of memory");
        assertThat(failed.analysing(Assets.AT).failureReason()).isEmpty();
        assertThat(failed.analysing(Assets.AT).video()).contains(Assets.VIDEO);
    }

    @Test
    void a_failure_needs_a_reason() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Assets.in(AssetState.ANALYSING).failed(" ", Assets.AT));
    }

    @Test
    void only_a_failed_asset_may_carry_a_failure_reason() {
        Asset analysed = Assets.in(AssetState.ANALYSED);
        Asset failed = Assets.in(AssetState.FAILED);

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new Asset(analysed.id(),
                analysed.creatorId(), analysed.title(), analysed.objectKey(), analysed.contentType(), analysed.sizeBytes(),
                analysed.state(), analysed.video(), Optional.of("oops"), analysed.createdAt(), analysed.updatedAt(), 0));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new Asset(failed.id(),
                failed.creatorId(), failed.title(), failed.objectKey(), failed.contentType(), failed.sizeBytes(),
                failed.state(), failed.video(), Optional.empty(), failed.createdAt(), failed.updatedAt(), 0));
    }

    @Test
    void a_video_turned_a_quarter_is_displayed_with_width_and_height_swapped() {
        for (int rotation : new int[] {90, 270, -90}) {
            VideoProperties portrait = new VideoProperties(1_000, "mp4", "h264", 1920, 1080, rotation, 30, true);
            assertThat(portrait.displayWidth()).as("rotation %d", rotation).isEqualTo(1080);
            assertThat(portrait.displayHeight()).as("rotation %d", rotation).isEqualTo(1920);
        }
        for (int rotation : new int[] {0, 180, 360}) {
            VideoProperties landscape = new VideoProperties(1_000, "mp4", "h264", 1920, 1080, rotation, 30, true);
            assertThat(landscape.displayWidth()).as("rotation %d", rotation).isEqualTo(1920);
            assertThat(landscape.displayHeight()).as("rotation %d", rotation).isEqualTo(1080);
        }
    }

    @Test
    void a_rotation_is_a_multiple_of_90_degrees() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new VideoProperties(1_000, "mp4", "h264", 1920, 1080, 45, 30, true))
                .withMessageContaining("45");
    }
}
