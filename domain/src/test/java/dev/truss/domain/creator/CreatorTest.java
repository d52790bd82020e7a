package dev.truss.domain.creator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreatorTest {

    static final CreatorId ID = CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final EmailAddress EMAIL = new EmailAddress("Alice.Smith@Example.com");

    @Test
    void a_first_login_makes_a_creator_named_after_the_local_part_of_the_email() {
        Creator creator = Creator.firstLogin(ID, EMAIL, AT);

        assertThat(creator.id()).isEqualTo(ID);
        assertThat(creator.email()).isEqualTo(EMAIL);
        assertThat(creator.displayName()).isEqualTo("alice.smith");
        assertThat(creator.createdAt()).isEqualTo(AT);
        assertThat(creator.version()).isZero();
    }

    @Test
    void renaming_trims_the_name_and_keeps_everything_else() {
        Creator creator = Creator.firstLogin(ID, EMAIL, AT).withVersion(4);
        Creator renamed = creator.renamed("  Alice S.  ");

        assertThat(renamed.displayName()).isEqualTo("Alice S.");
        assertThat(renamed).isEqualTo(new Creator(ID, EMAIL, "Alice S.", AT, 4));
    }

    @Test
    void a_new_name_must_not_be_blank_or_longer_than_80_characters() {
        Creator creator = Creator.firstLogin(ID, EMAIL, AT);

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> creator.renamed("   "))
                .withMessage("display name must not be empty");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> creator.renamed("x".repeat(81)))
                .withMessage("display name must be at most 80 characters");
        assertThat(creator.renamed("x".repeat(80)).displayName()).hasSize(80);
    }
}
