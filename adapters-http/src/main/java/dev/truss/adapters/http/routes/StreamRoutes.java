package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.common.CursorPage;
import dev.truss.application.common.Outcome;
import dev.truss.application.stream.IngestChat;
import dev.truss.application.stream.StartStream;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.ChatMessage;
import dev.truss.domain.stream.ChatSpike;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Live streams whose chat Truss watches, the chat batches a client feeds in, the spikes found and the live clips cut. */
public final class StreamRoutes implements RouteGroup {

    record StreamStart(String title, String platform) {
        StreamStart {
            if (title == null) {
                throw new IllegalArgumentException("title is required");
            }
            Params.parse(Platform.class, "platform", platform);
        }
    }

    /** One message: when it was sent (ISO-8601) and its text, which may be left out. */
    record Message(Instant at, String text) {
        Message {
            if (at == null) {
                throw new IllegalArgumentException("every message needs 'at', the time it was sent (ISO-8601, UTC)");
            }
            text = text == null ? "" : text;
        }
    }

    record ChatBatch(List<Message> messages) {
        ChatBatch {
            if (messages == null) {
                throw new IllegalArgumentException("messages is required: a list of {at, text}");
            }
            if (messages.stream().anyMatch(m -> m == null)) {
                throw new IllegalArgumentException("messages must not hold null");
            }
        }
    }

    private final TrussCore core;

    public StreamRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/streams", this::list, Access.CREATOR);
        routes.post("/api/streams", this::start, Access.CREATOR);
        routes.get("/api/streams/{streamId}", this::one, Access.CREATOR);
        routes.post("/api/streams/{streamId}/end", this::end, Access.CREATOR);
        routes.post("/api/streams/{streamId}/chat", this::chat, Access.CREATOR);
        routes.get("/api/streams/{streamId}/spikes", this::spikesOfStream, Access.CREATOR);
        routes.get("/api/streams/{streamId}/live-clips", this::liveClips, Access.CREATOR);
        routes.get("/api/spikes", this::spikesInRange, Access.CREATOR);
    }

    private void one(Context ctx) {
        ctx.json(Views.StreamView.of(Requests.value(core.listStreams().one(Requests.creator(ctx), stream(ctx)))));
    }

    private void list(Context ctx) {
        ctx.json(Views.Page.of(core.listStreams().execute(Requests.creator(ctx), Requests.page(ctx)),
                Views.StreamView::of));
    }

    private void start(Context ctx) {
        StreamStart request = Requests.body(ctx, StreamStart.class);
        ctx.status(201).json(Views.StreamView.of(Requests.value(core.startStream().execute(new StartStream.Command(
                Requests.creator(ctx), request.title(), Params.parse(Platform.class, "platform", request.platform()))))));
    }

    private void end(Context ctx) {
        ctx.json(Views.StreamView.of(Requests.value(core.endStream().execute(Requests.creator(ctx), stream(ctx)))));
    }

    private void chat(Context ctx) {
        ChatBatch batch = Requests.body(ctx, ChatBatch.class);
        IngestChat.Ingested ingested = Requests.value(core.ingestChat().execute(Requests.creator(ctx), stream(ctx),
                batch.messages().stream().map(m -> new ChatMessage(m.at(), m.text())).toList()));
        ctx.json(new Views.ChatIngested(Views.StreamView.of(ingested.stream()),
                ingested.newSpikes().stream().map(Views.SpikeView::of).toList()));
    }

    private void spikesOfStream(Context ctx) {
        ctx.json(Views.Page.of(Requests.value(core.listSpikes().ofStream(Requests.creator(ctx), stream(ctx),
                Requests.page(ctx))), Views.SpikeView::of));
    }

    /** The Twitch clips cut at the stream's spikes: all of them (one per spike), by spike start. */
    private void liveClips(Context ctx) {
        ctx.json(Views.Page.whole(Requests.value(core.listSpikes().liveClipsOf(Requests.creator(ctx), stream(ctx))),
                Views.LiveClipView::of));
    }

    /** Spikes of every stream that started in [from, to), oldest first. */
    private void spikesInRange(Context ctx) {
        Instant from = Params.instant(ctx, "from");
        Instant to = Params.instant(ctx, "to");
        Outcome<CursorPage<ChatSpike>> page = core.listSpikes().inRange(Requests.creator(ctx), from, to,
                Requests.page(ctx));
        if (page instanceof Outcome.Rejected<CursorPage<ChatSpike>> rejected) {
            throw ApiProblem.badRequest("from/to: " + rejected.message()); // the query, not a state, is wrong
        }
        ctx.json(Views.Page.of(Requests.value(page), Views.SpikeView::of));
    }

    private static StreamId stream(Context ctx) {
        return Requests.id(ctx, "streamId", StreamId::parse, "stream");
    }
}
