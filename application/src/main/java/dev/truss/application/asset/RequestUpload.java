package dev.truss.application.asset;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.IdSource;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.ObjectStorage.PresignedUpload;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.domain.Text;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Announces a video and hands out a presigned URL the client PUTs it to, straight into
 * object storage. The URL binds the content type and the length that were announced here.
 */
public final class RequestUpload {

    public record Command(CreatorId creator, String title, String contentType, long sizeBytes) {
        public Command {
            Objects.requireNonNull(creator, "creator");
            title = Text.required("title", title, Asset.MAX_TITLE_LENGTH);
            contentType = Text.required("content type", contentType, 100).toLowerCase(Locale.ROOT);
        }
    }

    public record Upload(Asset asset, PresignedUpload upload) {
    }

    private final AssetStore assets;
    private final ObjectStorage storage;
    private final IdSource ids;
    private final Clock clock;
    private final UploadPolicy policy;

    public RequestUpload(AssetStore assets, ObjectStorage storage, IdSource ids, Clock clock, UploadPolicy policy) {
        this.assets = assets;
        this.storage = storage;
        this.ids = ids;
        this.clock = clock;
        this.policy = policy;
    }

    public Outcome<Upload> execute(Command command) {
        if (!policy.contentTypes().contains(command.contentType())) {
            return Outcome.rejected("'" + command.contentType() + "' is not a video type Truss accepts; use one of "
                    + new TreeSet<>(policy.contentTypes()));
        }
        if (command.sizeBytes() <= 0 || command.sizeBytes() > policy.maxBytes()) {
            return Outcome.rejected("a video must be between 1 byte and " + policy.maxBytes() / (1024 * 1024)
                    + " MiB; this one is " + command.sizeBytes() + " bytes");
        }
        Instant now = clock.instant();
        AssetId id = new AssetId(ids.next());
        Asset asset = Asset.awaitingUpload(id, command.creator(), command.title(), sourceKey(command.creator(), id),
                command.contentType(), command.sizeBytes(), now);
        return Outcome.of(assets.create(asset), "the asset").map(stored -> new Upload(stored,
                storage.presignUpload(stored.objectKey(), stored.contentType(), stored.sizeBytes(),
                        policy.urlValidity())));
    }

    /** Every object of a creator lives under their own prefix. */
    static String sourceKey(CreatorId creator, AssetId asset) {
        return "creators/" + creator + "/assets/" + asset + "/source";
    }
}
