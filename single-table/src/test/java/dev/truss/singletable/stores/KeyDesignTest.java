package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.TrussCore;
import dev.truss.application.contract.Fixtures;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.Session;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Item;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What the items look like: the key design's promises that no store contract can see. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeyDesignTest {

    private final InMemoryTable table = new InMemoryTable();
    private final TrussCore.Stores stores = SingleTableStores.on(table, 1);

    @Test
    void no_key_holds_an_email_and_the_creator_partition_is_keyed_by_id() {
        Creator creator = Fixtures.creator();

        stores.creators().create(creator);

        assertThat(table.items()).hasSize(2).allSatisfy(item -> {
            assertThat(item.key().pk()).doesNotContain(creator.email().value());
            assertThat(item.key().sk()).doesNotContain(creator.email().value());
        });
        assertThat(table.items()).extracting(Item::key).anySatisfy(key -> {
            assertThat(key.pk()).isEqualTo("CREATOR#" + creator.id().value());
            assertThat(key.sk()).isEqualTo("METADATA");
        });
    }

    @Test
    void magic_links_and_sessions_are_keyed_by_the_hash_and_never_hold_the_token() {
        SecretToken link = SecretToken.generate(new SecureRandom());
        SecretToken cookie = SecretToken.generate(new SecureRandom());
        Instant now = Fixtures.BASE;

        stores.magicLinks().save(MagicLink.issue(link.hash(), Fixtures.email(), now));
        stores.sessions().save(Session.open(cookie.hash(), Fixtures.creatorId(), now));

        assertThat(table.items()).extracting(item -> item.key().pk())
                .containsExactlyInAnyOrder("MAGIC#" + link.hash().hex(), "SESSION#" + cookie.hash().hex());
        assertThat(table.items()).allSatisfy(item -> assertThat(item.toString())
                .doesNotContain(link.value()).doesNotContain(cookie.value()));
    }

    @Test
    void expiring_items_carry_their_expiry_in_whole_epoch_seconds_rounded_up() {
        Instant now = Instant.parse("2026-03-01T09:00:00.250Z");
        MagicLink link = MagicLink.issue(Fixtures.tokenHash(), Fixtures.email(), now);

        stores.magicLinks().save(link);

        Item item = table.items().get(0);
        assertThat(item.number(Attributes.EXPIRES_AT)).contains(link.expiresAt().getEpochSecond() + 1);
    }

    @Test
    void a_long_transcript_is_split_into_parts_each_far_below_dynamodbs_400_kb_and_only_the_newest_is_kept() {
        CreatorId creator = Fixtures.creatorId();
        Asset asset = Fixtures.asset(creator);
        stores.assets().create(asset);
        String words = "Ça va — 日本語 😀 \"quoted\" ".repeat(60);
        String line = words.substring(0, words.offsetByCodePoints(0, 900));
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) { // four hours, a long line every 3.6 s: several MB of JSON
            segments.add(new TranscriptSegment(new TimeRange(i * 3_600L, i * 3_600L + 3_500), line));
        }
        Transcript longest = new Transcript(segments);

        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset.id(), 3, longest), longest);
        Transcript shorter = Fixtures.transcript(10);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset.id(), 3, shorter), shorter);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset.id(), 3, longest), longest);

        List<Item> parts = table.items().stream().filter(item -> item.key().sk().startsWith("TRANSCRIPT#")).toList();
        assertThat(parts).hasSizeGreaterThan(10).allSatisfy(part -> {
            assertThat(part.key().pk()).isEqualTo("CREATOR#" + creator.value());
            assertThat(part.key().sk()).startsWith("TRANSCRIPT#" + asset.id().value() + "#000000000003#");
            assertThat(size(part)).isLessThan(TableAssetStore.PART_BUDGET_BYTES).isLessThan(400 * 1024);
        });
        Item analysis = table.items().stream().filter(item -> item.key().sk().equals("CHAPTERS#" + asset.id().value()))
                .findFirst().orElseThrow();
        assertThat(analysis.number(Attributes.VERSION)).contains(3L);
        assertThat(size(analysis)).isLessThan(10 * 1024);
        assertThat(stores.assets().findTranscript(creator, asset.id())).isEqualTo(longest);
    }

    @Test
    void an_analysis_item_written_before_analyses_had_versions_is_replaced_and_its_chapters_read() {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Chapters old = Fixtures.chapters(creator, asset, 2);
        table.put(Item.of(Keys.analysis(creator, asset)).with(Attributes.DATA, new EntityCodec().encode(old)),
                dev.truss.singletable.Expect.anything());

        assertThat(stores.assets().findChapters(creator, asset)).contains(old);
        assertThat(stores.assets().findAnalysis(creator, asset)).contains(Analysis.chaptersOnly(old));
        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(Transcript.EMPTY);

        Transcript transcript = Fixtures.transcript(4);
        Analysis analysis = Fixtures.analysis(creator, asset, 3, transcript);
        stores.assets().saveAnalysis(analysis, transcript);

        assertThat(stores.assets().findAnalysis(creator, asset)).contains(analysis);
        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(transcript);
    }

    @Test
    void a_save_that_crashed_after_writing_parts_leaves_the_old_transcript_readable_and_the_next_save_clears_its_parts() {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Transcript first = Fixtures.transcript(5);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset, 2, first), first);
        // parts of a save that died before its analysis item landed
        table.put(Item.of(Keys.transcriptPart(creator, asset, 2, "ffffffffffffffff", 0))
                .with(Attributes.DATA, "{\"segments\":[]}"), dev.truss.singletable.Expect.anything());

        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(first);

        Transcript second = Fixtures.transcript(7);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset, 2, second), second);

        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(second);
        assertThat(table.items()).filteredOn(item -> item.key().sk().startsWith("TRANSCRIPT#"))
                .singleElement().satisfies(part -> assertThat(part.key().sk()).contains("#000000000002#")
                        .doesNotContain("ffffffffffffffff"));
    }

    @Test
    void a_save_leaves_the_parts_of_a_newer_generation_alone_as_they_may_be_a_save_in_flight() {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Item inFlight = Item.of(Keys.transcriptPart(creator, asset, 2, "0000000000000000", 0))
                .with(Attributes.DATA, "{\"segments\":[]}");
        table.put(inFlight, dev.truss.singletable.Expect.anything());

        Transcript transcript = Fixtures.transcript(3);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset, 2, transcript), transcript);

        assertThat(table.items()).filteredOn(item -> item.key().sk().startsWith("TRANSCRIPT#")).hasSize(2)
                .anySatisfy(part -> assertThat(part.key()).isEqualTo(inFlight.key()));
        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(transcript);
    }

    /** What DynamoDB counts: attribute names and values in UTF-8, numbers as their digits, and the key. */
    private static long size(Item item) {
        long bytes = utf8(Attributes.PK) + utf8(item.key().pk()) + utf8(Attributes.SK) + utf8(item.key().sk());
        for (var entry : item.strings().entrySet()) {
            bytes += utf8(entry.getKey()) + utf8(entry.getValue());
        }
        for (var entry : item.numbers().entrySet()) {
            bytes += utf8(entry.getKey()) + 21;
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
