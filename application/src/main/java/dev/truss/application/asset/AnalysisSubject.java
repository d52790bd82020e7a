package dev.truss.application.asset;

import dev.truss.application.port.media.DetectorChoice;
import dev.truss.domain.id.AssetId;
import java.util.Locale;
import java.util.Objects;

/**
 * The subject of an analysis job: the asset, and the detector asked for. The configured default
 * is the asset id alone, as every analysis job was before a creator could choose, so jobs stored
 * then read the same; a choice is appended, {@code <assetId>:local} or {@code <assetId>:ai}. The
 * job id is derived from the subject, so asking again with another choice is another job.
 */
record AnalysisSubject(AssetId asset, DetectorChoice choice) {

    AnalysisSubject {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(choice, "choice");
    }

    String text() {
        return choice == DetectorChoice.AUTO ? asset.value() : asset.value() + ":" + choice.name().toLowerCase(Locale.ROOT);
    }

    /** Reads what {@link #text()} wrote; throws {@link IllegalArgumentException} on anything else. */
    static AnalysisSubject parse(String subject) {
        int colon = subject.indexOf(':');
        if (colon < 0) {
            return new AnalysisSubject(AssetId.parse(subject), DetectorChoice.AUTO);
        }
        DetectorChoice choice = DetectorChoice.valueOf(subject.substring(colon + 1).toUpperCase(Locale.ROOT));
        if (choice == DetectorChoice.AUTO) {
            throw new IllegalArgumentException("the default choice is written as the asset id alone: " + subject);
        }
        return new AnalysisSubject(AssetId.parse(subject.substring(0, colon)), choice);
    }
}
