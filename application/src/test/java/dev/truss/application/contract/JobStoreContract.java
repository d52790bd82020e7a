package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.alreadyExisting;
import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class JobStoreContract {

    protected abstract JobStore newStore();

    private JobStore store;
    private final CreatorId creator = Fixtures.creatorId();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_created_job_is_found_with_every_field() {
        Job job = Fixtures.job(creator);

        assertThat(written(store.create(job))).isEqualTo(job);
        assertThat(store.find(creator, job.id())).contains(job);
    }

    @Test
    void a_job_with_a_last_error_is_found_with_it() {
        Job retrying = Fixtures.retryingJob(creator);
        store.create(retrying);

        assertThat(store.find(creator, retrying.id())).contains(retrying);
    }

    @Test
    void creating_a_job_twice_reports_the_stored_one() {
        Job job = Fixtures.job(creator);
        store.create(job);

        assertThat(alreadyExisting(store.create(job.started(job.createdAt())))).isEqualTo(job);
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Job job = Fixtures.job(creator);
        store.create(job);
        Job started = job.started(job.createdAt().plusSeconds(1));

        Job saved = written(store.update(started));

        assertThat(saved).isEqualTo(started.withVersion(job.version() + 1));
        assertThat(store.find(creator, job.id())).contains(saved);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Job job = Fixtures.job(creator);
        store.create(job);
        Job current = written(store.update(job.started(job.createdAt())));

        assertThat(store.update(job.started(job.createdAt()))).isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator, job.id())).contains(current);
    }

    @Test
    void updating_an_unknown_job_is_missing() {
        assertThat(store.update(Fixtures.job(creator))).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_jobs() {
        Job theirs = Fixtures.job(creator);
        store.create(theirs);

        assertThat(store.find(Fixtures.creatorId(), theirs.id())).isEmpty();
    }

    @Test
    void of_two_workers_taking_one_job_exactly_one_wins() throws Exception {
        Job job = Fixtures.job(creator);
        store.create(job);

        List<WriteResult<Job>> results = Concurrently.run(8, () -> store.update(job.started(job.createdAt())));

        assertThat(results).filteredOn(WriteResult.Written.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(WriteResult.VersionConflict.class::isInstance).hasSize(7);
    }
}
