package dev.truss.singletable.stores;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.platform.PublicationState;
import dev.truss.domain.platform.SealedSecret;
import dev.truss.domain.stream.LiveClip;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every stored entity into JSON and back, with one generic mapper instead of a mapper per
 * entity: records map by their components, single-value types (ids, email, hashes) become plain
 * strings, and the two sealed state types carry a {@code type} name. The domain stays free of
 * annotations: they sit on the mix-ins below. Unknown properties are ignored, so an older server
 * reads items a newer one wrote; a list missing from an item an older server wrote reads as
 * empty, so a newer server reads those.
 */
final class EntityCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A list an older server did not write (a job's notes) reads as empty, never as null.
            .withConfigOverride(List.class, list -> list.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .addMixIn(Ulid.class, StringValue.class)
            .addMixIn(EmailAddress.class, StringValue.class)
            .addMixIn(TokenHash.class, StringValue.class)
            .addMixIn(SealedSecret.class, StringValue.class)
            .addMixIn(CreatorId.class, UlidValue.class)
            .addMixIn(AssetId.class, UlidValue.class)
            .addMixIn(ClipId.class, UlidValue.class)
            .addMixIn(StreamId.class, UlidValue.class)
            .addMixIn(JobId.class, UlidValue.class)
            .addMixIn(RenderState.class, RenderStates.class)
            .addMixIn(PublicationState.class, PublicationStates.class)
            .addMixIn(LiveClip.State.class, LiveClipStates.class)
            .build();

    String encode(Object entity) {
        return mapper.writeValueAsString(entity);
    }

    <T> T decode(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /** A record of one string: stored as that string. */
    abstract static class StringValue {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        StringValue(String value) {
        }

        @JsonValue
        abstract String value();

        @JsonValue
        abstract String hex();

        @JsonValue
        abstract String ciphertext();
    }

    /** An entity id: stored as its ULID string. */
    abstract static class UlidValue {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        UlidValue(Ulid ulid) {
        }

        @JsonValue
        abstract Ulid ulid();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = RenderState.NotRendered.class, name = "NOT_RENDERED"),
        @JsonSubTypes.Type(value = RenderState.Rendering.class, name = "RENDERING"),
        @JsonSubTypes.Type(value = RenderState.Rendered.class, name = "RENDERED"),
        @JsonSubTypes.Type(value = RenderState.RenderFailed.class, name = "RENDER_FAILED"),
    })
    abstract static class RenderStates {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = PublicationState.Pending.class, name = "PENDING"),
        @JsonSubTypes.Type(value = PublicationState.Uploading.class, name = "UPLOADING"),
        @JsonSubTypes.Type(value = PublicationState.Published.class, name = "PUBLISHED"),
        @JsonSubTypes.Type(value = PublicationState.Failed.class, name = "FAILED"),
    })
    abstract static class PublicationStates {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = LiveClip.State.Requested.class, name = "REQUESTED"),
        @JsonSubTypes.Type(value = LiveClip.State.Creating.class, name = "CREATING"),
        @JsonSubTypes.Type(value = LiveClip.State.Created.class, name = "CREATED"),
        @JsonSubTypes.Type(value = LiveClip.State.Failed.class, name = "FAILED"),
    })
    abstract static class LiveClipStates {
    }
}
