package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MomentsPromptTest {

    @Test
    void the_prompt_of_a_part_says_which_part_how_long_it_lasts_and_its_version() {
        MomentsPrompt prompt = MomentsPrompt.load("moments-v1");
        PartPlan.Planned second = PartPlan.of(2 * 3_600_000 + 5_000, 45 * 60_000, 60_000).parts().get(1);

        String text = prompt.forPart(second, 2 * 3_600_000 + 5_000);

        assertThat(text).contains("You are watching part 2 of 3 of a longer video (from 39:41 to 1:20:23 of 2:00:05)",
                "The file lasts 40:41 (2441.7 seconds)", "Never give a time past 2441.7", "(Truss prompt moments-v1)")
                .doesNotContain("{{", "}}");
    }

    @Test
    void a_missing_version_is_refused_with_the_resource_it_looked_for() {
        assertThatThrownBy(() -> MomentsPrompt.load("moments-v0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Gemini prompt version 'moments-v0': the resource"
                        + " dev/truss/adapters/gemini/prompts/moments-v0.txt does not exist");
    }
}
