package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.TrussCore;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.CrashingTable;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.Table;
import dev.truss.singletable.TableUnavailableException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The multi-item writes (a new creator: owner item then profile; a batch of clips: one put
 * each; an analysis: its transcript's parts, its item, the old parts' deletes) crash at every step, before or after the write lands; a retry then leaves the table
 * as if nothing had happened, and nothing half-written is ever visible. Runs on every backend.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CrashSafetyContract {

    protected abstract Table emptyTable();

    private Table table;
    private TrussCore.Stores stores;

    @BeforeEach
    void stores() {
        table = emptyTable();
        stores = SingleTableStores.on(table, 3);
    }

    private TrussCore.Stores crashingAt(int write, boolean afterWriting) {
        return SingleTableStores.on(new CrashingTable(table, write, afterWriting), 3);
    }

    @ParameterizedTest(name = "crash at write {0}, after writing: {1}")
    @CsvSource({"1, false", "1, true", "2, false", "2, true"})
    void a_first_login_that_crashed_is_finished_by_its_retry(int write, boolean afterWriting) {
        Creator creator = Fixtures.creator();

        assertThatThrownBy(() -> crashingAt(write, afterWriting).creators().create(creator))
                .isInstanceOf(TableUnavailableException.class);
        assertThat(stores.creators().findByEmail(creator.email()))
                .as("nothing half-made is visible").satisfiesAnyOf(
                        found -> assertThat(found).isEmpty(),
                        found -> assertThat(found).contains(creator));

        WriteResult<Creator> retry = stores.creators().create(creator);

        assertThat(retry).isIn(new WriteResult.Written<>(creator), new WriteResult.AlreadyExists<>(creator));
        assertThat(stores.creators().findByEmail(creator.email())).contains(creator);
        assertThat(stores.creators().find(creator.id())).contains(creator);
    }

    @ParameterizedTest(name = "crash at write {0}, after writing: {1}")
    @CsvSource({"1, false", "1, true", "2, false", "2, true"})
    void a_crashed_first_login_and_another_device_racing_it_make_one_creator(int write, boolean afterWriting) {
        EmailAddress email = Fixtures.email();
        Creator first = Fixtures.creator(email);
        Creator second = Fixtures.creator(email);

        assertThatThrownBy(() -> crashingAt(write, afterWriting).creators().create(first))
                .isInstanceOf(TableUnavailableException.class);
        WriteResult<Creator> other = stores.creators().create(second);

        Creator owner = stores.creators().findByEmail(email).orElseThrow();
        assertThat(owner).isIn(first, second);
        assertThat(other).isEqualTo(owner.equals(second)
                ? new WriteResult.Written<>(second) : new WriteResult.AlreadyExists<>(first));
        assertThat(stores.creators().create(first)).isEqualTo(new WriteResult.AlreadyExists<>(owner));
        CreatorId notOwner = owner.equals(first) ? second.id() : first.id();
        assertThat(stores.creators().find(notOwner)).as("no second profile for the email").isEmpty();
    }

    @ParameterizedTest(name = "crash at write {0}, after writing: {1}")
    @CsvSource({"1, false", "2, false", "3, false", "1, true", "2, true", "3, true"})
    void a_batch_of_clips_that_crashed_is_completed_by_its_retry(int write, boolean afterWriting) {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        List<Clip> clips = List.of(Fixtures.clip(creator, asset), Fixtures.clip(creator, asset),
                Fixtures.clip(creator, asset));

        assertThatThrownBy(() -> crashingAt(write, afterWriting).clips().createAll(clips))
                .isInstanceOf(TableUnavailableException.class);
        stores.clips().createAll(clips);

        assertThat(stores.clips().listNewestFirst(creator, PageRequest.first(10)).items())
                .containsExactlyElementsOf(List.of(clips.get(2), clips.get(1), clips.get(0)));
        assertThat(stores.clips().listByAsset(creator, asset)).containsExactlyInAnyOrderElementsOf(clips);
        assertThat(stores.clips().listTopByScore(creator, PageRequest.first(10)).items()).hasSize(3);
    }

    @ParameterizedTest(name = "crash at write {0}, after writing: {1}")
    @CsvSource({"1, false", "2, false", "3, false", "1, true", "2, true", "3, true"})
    void a_new_analysis_that_crashed_shows_the_old_one_or_the_new_one_whole_and_its_retry_leaves_only_the_new(
            int write, boolean afterWriting) {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Transcript before = Fixtures.transcript(6);
        Analysis old = Fixtures.analysis(creator, asset, 2, before);
        stores.assets().saveAnalysis(old, before);
        Transcript after = Fixtures.transcript(9);
        Analysis replacement = Fixtures.analysis(creator, asset, 3, after);

        // writes: the new transcript's part, the analysis item, the delete of the old part
        assertThatThrownBy(() -> crashingAt(write, afterWriting).assets().saveAnalysis(replacement, after))
                .isInstanceOf(TableUnavailableException.class);
        Analysis seen = stores.assets().findAnalysis(creator, asset).orElseThrow();
        assertThat(seen).isIn(old, replacement);
        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(seen.equals(old) ? before : after);

        stores.assets().saveAnalysis(replacement, after);

        assertThat(stores.assets().findAnalysis(creator, asset)).contains(replacement);
        assertThat(stores.assets().findTranscript(creator, asset)).isEqualTo(after);
        QueryPage parts = table.query(Query.table("CREATOR#" + creator.value(),
                SortKeyRange.beginsWith("TRANSCRIPT#"), false, 100));
        assertThat(parts.items()).as("one part, of the new transcript").hasSize(1);
    }
}
