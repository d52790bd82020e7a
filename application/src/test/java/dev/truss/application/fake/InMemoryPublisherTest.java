package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.PublisherContract;
import dev.truss.application.fake.InMemoryPublisher.Failure;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher;
import dev.truss.application.port.platform.Publisher.Posted;
import dev.truss.application.port.platform.Publisher.Request;
import dev.truss.domain.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryPublisherTest extends PublisherContract {

    private InMemoryPublisher platform;

    @Override
    protected Publisher newPublisher() {
        platform = new InMemoryPublisher(Platform.YOUTUBE);
        return platform;
    }

    @Override
    protected AccessToken rejectedToken() {
        platform.acceptOnly(token -> !token.value().equals("revoked"));
        return new AccessToken("revoked");
    }

    @Override
    protected int postsOnPlatform() {
        return platform.posts().size();
    }

    @Test
    void an_upload_broken_off_midway_completes_when_resumed_with_its_token() throws Exception {
        platform.failNext(Failure.MID_UPLOAD, true);
        Request request = request(Optional.empty());
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> platform.publish(request, tokens::add))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(platform.posts()).isEmpty();

        Posted posted = platform.publish(withToken(request, tokens.get(0)), tokens::add);

        assertThat(tokens).hasSize(1);
        assertThat(platform.posts()).singleElement().satisfies(p -> {
            assertThat(p.remoteId()).isEqualTo(posted.remoteId());
            assertThat(p.clipId()).isEqualTo(request.clip().id());
            assertThat(p.videoBytes()).isEqualTo(4096);
        });
    }

    @Test
    void a_lost_answer_leaves_one_post_that_the_token_confirms() throws Exception {
        platform.failNext(Failure.LOST_RESPONSE, false);
        Request request = request(Optional.empty());
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> platform.publish(request, tokens::add))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());
        Posted confirmed = platform.publish(withToken(request, tokens.get(0)), t -> { });

        assertThat(platform.posts()).singleElement().extracting(InMemoryPublisher.Post::remoteId)
                .isEqualTo(confirmed.remoteId());
    }

    @Test
    void a_platform_told_to_refuse_always_refuses_until_it_recovers() throws Exception {
        platform.failAlways(Failure.MID_UPLOAD, false);
        Request request = request(Optional.empty());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> platform.publish(request, t -> { }))
                    .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
        }
        platform.recover();

        assertThat(platform.publish(request, t -> { }).remoteId()).isNotBlank();
        assertThat(platform.attempts()).isEqualTo(4);
    }

    @Test
    void an_unknown_resume_token_starts_a_new_upload() throws Exception {
        List<String> tokens = new ArrayList<>();

        platform.publish(request(Optional.of("expired-session")), tokens::add);

        assertThat(tokens).singleElement().isNotEqualTo("expired-session");
        assertThat(platform.posts()).hasSize(1);
    }

    private static Request withToken(Request r, String token) {
        return r.withResumeToken(token);
    }
}
