package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Utf8OrderTest {

    private static final String MAX = Character.toString(Character.MAX_CODE_POINT);

    @Test
    void strings_sort_by_their_utf8_bytes_not_their_utf16_units() {
        List<String> keys = new ArrayList<>(List.of("😀", "\uFFFD", "é", "a", "B", "ab", ""));

        keys.sort(Utf8Order::compare);

        assertThat(keys).containsExactly("", "B", "a", "ab", "é", "\uFFFD", "😀");
        assertThat("😀".compareTo("\uFFFD")).as("UTF-16 order differs").isNegative();
    }

    @Test
    void the_end_of_a_prefix_is_its_last_character_plus_one() {
        assertThat(Utf8Order.endOfPrefix("SCORE#")).contains("SCORE$");
        assertThat(Utf8Order.endOfPrefix("a\uD7FF")).as("skips the surrogates").contains("a\uE000");
        assertThat(Utf8Order.endOfPrefix("a\uFFFF")).contains("a\uD800\uDC00");
    }

    @Test
    void the_end_of_a_prefix_ending_in_the_last_code_point_carries_over() {
        assertThat(Utf8Order.endOfPrefix("a" + MAX + MAX)).contains("b");
        assertThat(Utf8Order.endOfPrefix(MAX)).isEmpty();
    }
}
