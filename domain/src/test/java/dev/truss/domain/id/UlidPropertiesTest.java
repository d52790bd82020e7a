package dev.truss.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class UlidPropertiesTest {

    static final long MAX_MILLIS = (1L << 48) - 1;

    @Property
    void an_id_keeps_its_timestamp(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis,
                                   @ForAll int high, @ForAll long low) {
        assertThat(Ulid.of(millis, high, low).timestamp().toEpochMilli()).isEqualTo(millis);
    }

    @Property
    void an_id_keeps_its_80_random_bits(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis,
                                        @ForAll int high, @ForAll long low) {
        BigInteger expected = BigInteger.valueOf(high & 0xFFFFL).shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(low)));

        assertThat(randomBits(Ulid.of(millis, high, low))).isEqualTo(expected);
    }

    @Property
    void every_id_is_26_url_safe_characters(@ForAll("ulids") Ulid id) {
        assertThat(id.value()).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Property
    void an_id_made_later_sorts_after_as_text(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long earlier,
                                              @ForAll @LongRange(min = 0, max = MAX_MILLIS) long later,
                                              @ForAll int high1, @ForAll long low1, @ForAll int high2, @ForAll long low2) {
        Assume.that(earlier < later);
        Ulid first = Ulid.of(earlier, high1, low1);
        Ulid second = Ulid.of(later, high2, low2);

        assertThat(first.value().compareTo(second.value())).isNegative();
        assertThat(first).isLessThan(second);
    }

    @Property
    void parsing_an_id_as_printed_gives_it_back(@ForAll("ulids") Ulid id) {
        assertThat(Ulid.parse(id.toString())).isEqualTo(id);
    }

    @Property
    void lower_case_and_surrounding_spaces_are_accepted(@ForAll("ulids") Ulid id) {
        assertThat(Ulid.parse(" " + id.value().toLowerCase(Locale.ROOT) + "\n")).isEqualTo(id);
    }

    @Property
    void text_of_the_wrong_length_is_rejected(@ForAll("alphabetText") String text) {
        Assume.that(text.length() != Ulid.LENGTH);

        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ulid.parse(text))
                .withMessageContaining("expected 26 characters");
    }

    @Property
    void characters_outside_crockford_base32_are_rejected(@ForAll("ulids") Ulid id,
                                                          @ForAll @IntRange(min = 0, max = 25) int position,
                                                          @ForAll("notInAlphabet") char bad) {
        String text = id.value().substring(0, position) + bad + id.value().substring(position + 1);

        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ulid.parse(text))
                .withMessageContaining("character " + (position + 1));
    }

    @Property
    void a_first_character_above_7_overflows_the_timestamp(@ForAll("ulids") Ulid id,
                                                           @ForAll("above7") char first) {
        String text = first + id.value().substring(1);

        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ulid.parse(text))
                .withMessageContaining("overflows 48 bits");
    }

    @Example
    void the_largest_timestamp_is_7ZZZZZZZZZ() {
        assertThat(Ulid.of(MAX_MILLIS, 0, 0).value()).startsWith("7ZZZZZZZZZ");
        assertThat(Ulid.of(0, 0, 0).value()).isEqualTo("0".repeat(26));
    }

    @Example
    void a_timestamp_outside_48_bits_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ulid.of(-1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Ulid.of(MAX_MILLIS + 1, 0, 0));
    }

    @Property
    void a_derived_id_depends_only_on_its_moment_and_seed(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis,
                                                         @ForAll String seed) {
        Ulid id = Ulid.derived(millis, seed);

        assertThat(Ulid.derived(millis, seed)).isEqualTo(id);
        assertThat(id.timestamp().toEpochMilli()).isEqualTo(millis);
    }

    @Property
    void different_seeds_derive_different_ids(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis,
                                              @ForAll String seed, @ForAll String other) {
        Assume.that(!seed.equals(other));

        assertThat(Ulid.derived(millis, seed)).isNotEqualTo(Ulid.derived(millis, other));
    }

    @Property
    void every_typed_id_round_trips_through_its_text(@ForAll("ulids") Ulid ulid) {
        assertThat(CreatorId.parse(new CreatorId(ulid).toString())).isEqualTo(new CreatorId(ulid));
        assertThat(AssetId.parse(new AssetId(ulid).toString())).isEqualTo(new AssetId(ulid));
        assertThat(ClipId.parse(new ClipId(ulid).toString())).isEqualTo(new ClipId(ulid));
        assertThat(StreamId.parse(new StreamId(ulid).toString())).isEqualTo(new StreamId(ulid));
        assertThat(JobId.parse(new JobId(ulid).toString())).isEqualTo(new JobId(ulid));
    }

    @Provide
    Arbitrary<Ulid> ulids() {
        return ulidArbitrary();
    }

    static Arbitrary<Ulid> ulidArbitrary() {
        return net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(0, MAX_MILLIS), Arbitraries.integers(), Arbitraries.longs())
                .as(Ulid::of);
    }

    @Provide
    Arbitrary<String> alphabetText() {
        return Arbitraries.strings().withChars(Ulid.ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(60);
    }

    @Provide
    Arbitrary<Character> notInAlphabet() {
        return Arbitraries.oneOf(Arbitraries.of('I', 'L', 'O', 'U', '-', '_', '!', 'é'),
                Arbitraries.chars().filter(UlidPropertiesTest::staysInvalidWhenParsed));
    }

    /** Not trimmed away by parse, and still one character outside the alphabet once upper-cased. */
    private static boolean staysInvalidWhenParsed(char c) {
        String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
        return c > ' ' && upper.length() == 1 && Ulid.ALPHABET.indexOf(upper.charAt(0)) < 0;
    }

    @Provide
    Arbitrary<Character> above7() {
        return Arbitraries.of(Ulid.ALPHABET.substring(8).toCharArray());
    }

    private static BigInteger randomBits(Ulid id) {
        BigInteger bits = BigInteger.ZERO;
        for (char c : id.value().substring(10).toCharArray()) {
            bits = bits.shiftLeft(5).or(BigInteger.valueOf(Ulid.ALPHABET.indexOf(c)));
        }
        return bits;
    }
}
