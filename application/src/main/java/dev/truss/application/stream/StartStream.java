package dev.truss.application.stream;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.IdSource;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.domain.Text;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.ChatSpikeSettings;
import dev.truss.domain.stream.Stream;
import java.time.Clock;
import java.util.Objects;

/** Starts watching a live broadcast's chat. */
public final class StartStream {

    public record Command(CreatorId creator, String title, Platform platform) {
        public Command {
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(platform, "platform");
            title = Text.required("title", title, 200);
        }
    }

    private final StreamStore streams;
    private final IdSource ids;
    private final Clock clock;
    private final ChatSpikeSettings settings;

    public StartStream(StreamStore streams, IdSource ids, Clock clock, ChatSpikeSettings settings) {
        this.streams = streams;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    public Outcome<Stream> execute(Command command) {
        Stream stream = Stream.started(new StreamId(ids.next()), command.creator(), command.title(),
                command.platform(), settings, clock.instant());
        return Outcome.of(streams.create(stream), "the stream");
    }
}
