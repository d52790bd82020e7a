package dev.truss.domain.creator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EmailAddressTest {

    @Example
    void an_address_is_trimmed_and_lower_cased() {
        EmailAddress typed = new EmailAddress("  Alice.Smith@Example.COM\t");

        assertThat(typed.value()).isEqualTo("alice.smith@example.com");
        assertThat(typed).isEqualTo(new EmailAddress("alice.smith@example.com"));
    }

    @Example
    void an_address_needs_one_at_sign_a_domain_with_a_dot_and_no_spaces() {
        for (String bad : new String[] {"alice.example.com", "alice@example", "al ice@example.com",
                "alice@exa mple.com", "alice@@example.com", "a@b@example.com", "@example.com", "alice@.com"}) {
            assertThatExceptionOfType(InvalidValueException.class).as(bad)
                    .isThrownBy(() -> new EmailAddress(bad))
                    .withMessageContaining("is not an email address");
        }
    }

    @Example
    void an_address_is_required() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmailAddress(missing))
                    .withMessage("an email address is required");
        }
    }

    @Example
    void an_address_is_at_most_254_characters() {
        String local = "a".repeat(64) + "@";
        String at254 = local + "b".repeat(254 - local.length() - 4) + ".com";

        assertThat(new EmailAddress(at254).value()).hasSize(254);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmailAddress("b" + at254.substring(1).replace("@", "@b")));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.com"));
    }

    @Example
    void the_masked_form_shows_only_the_first_letter_of_the_local_part() {
        EmailAddress email = new EmailAddress("alice@example.com");

        assertThat(email.masked()).isEqualTo("a***@example.com");
        assertThat(email).hasToString("a***@example.com");
    }

    @Property
    void printing_an_address_never_reveals_its_local_part(@ForAll("localParts") String local) {
        EmailAddress email = new EmailAddress(local + "@example.com");

        assertThat(email.toString()).isEqualTo(local.charAt(0) + "***@example.com");
        assertThat(email.masked()).isEqualTo(email.toString());
    }

    @Provide
    Arbitrary<String> localParts() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("._+-").ofMinLength(1).ofMaxLength(64);
    }
}
