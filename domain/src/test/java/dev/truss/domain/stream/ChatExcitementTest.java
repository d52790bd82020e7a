package dev.truss.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatExcitementTest {

    @Test
    void a_plain_message_counts_one() {
        assertThat(ChatExcitement.weightOf("good morning chat", 2)).isEqualTo(1.0);
        assertThat(ChatExcitement.weightOf("", 2)).isEqualTo(1.0);
    }

    @Test
    void each_sign_of_excitement_adds_half_a_message() {
        assertThat(ChatExcitement.weightOf("noooo", 3)).isEqualTo(1.5);
        assertThat(ChatExcitement.weightOf("what!!", 3)).isEqualTo(1.5);
        assertThat(ChatExcitement.weightOf("clip it", 3)).isEqualTo(1.5);
        assertThat(ChatExcitement.weightOf("WHAT A PLAY", 3)).isEqualTo(1.5);
        assertThat(ChatExcitement.weightOf("KEKW", 3)).isEqualTo(2.0);
    }

    @Test
    void no_message_counts_more_than_the_cap() {
        assertThat(ChatExcitement.weightOf("CLIP IT NOOOO!!!", 2)).isEqualTo(2.0);
        assertThat(ChatExcitement.weightOf("CLIP IT NOOOO!!!", 1)).isEqualTo(1.0);
    }

    @Test
    void words_that_merely_contain_a_hype_word_do_not_count() {
        assertThat(ChatExcitement.weightOf("ellipse", 2)).isEqualTo(1.0);
        assertThat(ChatExcitement.weightOf("apology", 2)).isEqualTo(1.0);
    }
}
