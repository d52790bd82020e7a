package dev.truss.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.dynamodb.Dynalite;
import dev.truss.application.contract.Fixtures;
import dev.truss.domain.creator.Creator;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenStoresTest {

    @TempDir
    Path directory;

    @Test
    void the_embedded_store_keeps_what_it_stored_after_it_is_closed() throws Exception {
        Creator creator = Fixtures.creator();
        StoreChoice embedded = new StoreChoice.Embedded(directory, 1);
        try (OpenStores stores = OpenStores.open(embedded)) {
            stores.stores().creators().create(creator);
        }

        try (OpenStores reopened = OpenStores.open(embedded)) {
            assertThat(reopened.stores().creators().findByEmail(creator.email())).contains(creator);
        }
        assertThat(directory.resolve("truss.db")).exists();
    }

    @Test
    void the_embedded_default_lives_in_the_home_directory_unless_configured() {
        StoreChoice choice = StoreChoice.embeddedDefault();

        assertThat(choice).isInstanceOf(StoreChoice.Embedded.class);
        assertThat(choice.clipShards()).isEqualTo(1);
        String configured = System.getenv("TRUSS_DATA_DIR");
        Path expected = configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".truss");
        assertThat(((StoreChoice.Embedded) choice).directory()).isEqualTo(expected);
    }

    @Test
    void dynamodb_stores_read_what_they_wrote() throws Exception {
        System.setProperty("aws.accessKeyId", "dynalite");
        System.setProperty("aws.secretAccessKey", "dynalite");
        try (OpenStores stores = OpenStores.open(new StoreChoice.DynamoDb(Dynalite.freshTable(), 2))) {
            Creator creator = Fixtures.creator();
            stores.stores().creators().create(creator);

            assertThat(stores.stores().creators().find(creator.id())).contains(creator);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
