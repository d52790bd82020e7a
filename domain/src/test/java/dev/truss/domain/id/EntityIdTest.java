package dev.truss.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntityIdTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("creator", (Function<String, EntityId>) CreatorId::parse),
                Arguments.of("asset", (Function<String, EntityId>) AssetId::parse),
                Arguments.of("clip", (Function<String, EntityId>) ClipId::parse),
                Arguments.of("stream", (Function<String, EntityId>) StreamId::parse),
                Arguments.of("job", (Function<String, EntityId>) JobId::parse));
    }

    @ParameterizedTest(name = "a {0} id")
    @MethodSource("kinds")
    void a_bad_id_is_rejected_with_a_message_naming_its_kind(String kind, Function<String, EntityId> parse) {
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> parse.apply("01ARZ3NDEK"))
                .withMessage("not a valid " + kind + " id: '01ARZ3NDEK' (expected 26 characters, got 10)");
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> parse.apply("01ARZ3NDEKTSV4RRFFQ69G5FAU"))
                .withMessageStartingWith("not a valid " + kind + " id: ")
                .withMessageContaining("character 26");
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> parse.apply("81ARZ3NDEKTSV4RRFFQ69G5FAV"))
                .withMessageStartingWith("not a valid " + kind + " id: ")
                .withMessageContaining("overflows");
    }

    @ParameterizedTest(name = "a {0} id")
    @MethodSource("kinds")
    void a_typed_id_parses_lower_case_and_prints_as_its_ulid(String kind, Function<String, EntityId> parse) {
        EntityId id = parse.apply("01arz3ndektsv4rrffq69g5fav");

        assertThat(id.value()).isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(id.toString()).isEqualTo(id.value());
    }

    @Test
    void ids_of_different_kinds_are_never_equal_even_with_the_same_ulid() {
        Ulid ulid = Ulid.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV");

        assertThat((Object) new AssetId(ulid)).isNotEqualTo(new ClipId(ulid));
        assertThat(new AssetId(ulid)).isEqualTo(new AssetId(ulid));
    }
}
