package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.alreadyExisting;
import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link CreatorStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CreatorStoreContract {

    protected abstract CreatorStore newStore();

    private CreatorStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_created_creator_is_found_by_id_and_by_email_with_every_field() {
        Creator creator = Fixtures.creator();

        assertThat(written(store.create(creator))).isEqualTo(creator);

        assertThat(store.find(creator.id())).contains(creator);
        assertThat(store.findByEmail(creator.email())).contains(creator);
    }

    @Test
    void unknown_ids_and_emails_are_not_found() {
        store.create(Fixtures.creator());

        assertThat(store.find(Fixtures.creatorId())).isEmpty();
        assertThat(store.findByEmail(Fixtures.email())).isEmpty();
    }

    @Test
    void a_second_creator_with_the_same_email_gets_the_first_one_back() {
        EmailAddress email = Fixtures.email();
        Creator first = Fixtures.creator(email);
        Creator second = Fixtures.creator(email);
        store.create(first);

        assertThat(alreadyExisting(store.create(second))).isEqualTo(first);
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.findByEmail(email)).contains(first);
    }

    @Test
    void creating_the_same_creator_twice_reports_the_stored_one() {
        Creator creator = Fixtures.creator();
        store.create(creator);

        assertThat(alreadyExisting(store.create(creator.renamed("Someone else")))).isEqualTo(creator);
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Creator creator = Fixtures.creator();
        store.create(creator);

        Creator renamed = written(store.update(creator.renamed("Ada")));

        assertThat(renamed).isEqualTo(creator.renamed("Ada").withVersion(creator.version() + 1));
        assertThat(store.find(creator.id())).contains(renamed);
        assertThat(store.findByEmail(creator.email())).contains(renamed);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Creator creator = Fixtures.creator();
        store.create(creator);
        Creator current = written(store.update(creator.renamed("Ada")));

        assertThat(store.update(creator.renamed("Grace"))).isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator.id())).contains(current);
    }

    @Test
    void updating_an_unknown_creator_is_missing() {
        assertThat(store.update(Fixtures.creator())).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void racing_first_logins_with_one_email_make_exactly_one_creator() throws Exception {
        EmailAddress email = Fixtures.email();

        List<WriteResult<Creator>> results = Concurrently.run(8, () -> store.create(Fixtures.creator(email)));

        List<Creator> created = results.stream().filter(WriteResult.Written.class::isInstance)
                .map(Writes::written).toList();
        assertThat(created).hasSize(1);
        assertThat(results).filteredOn(WriteResult.AlreadyExists.class::isInstance).hasSize(7)
                .allSatisfy(result -> assertThat(alreadyExisting(result)).isEqualTo(created.get(0)));
        assertThat(store.findByEmail(email)).contains(created.get(0));
    }

    @Test
    void of_racing_updates_from_one_read_exactly_one_wins() throws Exception {
        Creator creator = Fixtures.creator();
        store.create(creator);

        List<WriteResult<Creator>> results = Concurrently.run(8, () -> store.update(creator.renamed("Racer")));

        assertThat(results).filteredOn(WriteResult.Written.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(WriteResult.VersionConflict.class::isInstance).hasSize(7);
        assertThat(store.find(creator.id())).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(1));
    }
}
