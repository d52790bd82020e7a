package dev.truss.adapters.platforms.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class YouTubeMetadataTest {

    @Test
    void a_clip_of_three_minutes_is_a_short_and_its_description_gets_the_hashtag_not_its_title() {
        YouTubeMetadata metadata = YouTubeMetadata.of("Ace", "Four in a row", "fallback", 180_000);

        assertThat(metadata.isShort()).isTrue();
        assertThat(metadata.title()).isEqualTo("Ace");
        assertThat(metadata.description()).isEqualTo("Four in a row\n\n#Shorts");
    }

    @Test
    void a_clip_longer_than_three_minutes_is_no_short_and_gets_no_hashtag() {
        YouTubeMetadata metadata = YouTubeMetadata.of("Ace", "Four in a row", "fallback", 180_001);

        assertThat(metadata.isShort()).isFalse();
        assertThat(metadata.description()).isEqualTo("Four in a row");
    }

    @Test
    void a_short_without_description_gets_just_the_hashtag() {
        assertThat(YouTubeMetadata.of("Ace", null, "fallback", 30_000).description()).isEqualTo("#Shorts");
    }

    @Test
    void the_hashtag_is_not_added_when_the_title_or_description_already_has_it() {
        assertThat(YouTubeMetadata.of("Ace", "so good #shorts", "f", 30_000).description()).isEqualTo("so good #shorts");
        assertThat(YouTubeMetadata.of("Ace #SHORTS", "so good", "f", 30_000).description()).isEqualTo("so good");
        assertThat(YouTubeMetadata.of("Ace", "#shortsfunny", "f", 30_000).description())
                .isEqualTo("#shortsfunny\n\n#Shorts");
    }

    @Test
    void angle_brackets_and_line_breaks_leave_a_title_but_its_words_stay() {
        YouTubeMetadata metadata = YouTubeMetadata.of("  I <3 this\n\tround >>  ", "a <b>\r\nline", "f", 30_000);

        assertThat(metadata.title()).isEqualTo("I ‹3 this round ››");
        assertThat(metadata.description()).isEqualTo("a ‹b›\nline\n\n#Shorts");
    }

    @Test
    void a_long_title_is_cut_to_100_characters_without_splitting_an_emoji() {
        String title = YouTubeMetadata.of("a".repeat(98) + "😀😀😀", "", "f", 30_000).title();

        assertThat(title.codePointCount(0, title.length())).isEqualTo(100);
        assertThat(title).endsWith("a😀…");
    }

    @Test
    void a_blank_title_falls_back_to_the_clips_title() {
        assertThat(YouTubeMetadata.of(" \n ", "", "The clutch", 30_000).title()).isEqualTo("The clutch");
        assertThat(YouTubeMetadata.of(null, "", "  ", 30_000).title()).isEqualTo("Clip");
    }

    @Test
    void a_long_description_is_cut_to_5000_bytes_leaving_room_for_the_hashtag() {
        String description = YouTubeMetadata.of("Ace", "é".repeat(3000), "f", 30_000).description();

        assertThat(description.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(5000).isGreaterThan(4980);
        assertThat(description).startsWith("éé").endsWith("é…\n\n#Shorts");
    }
}
