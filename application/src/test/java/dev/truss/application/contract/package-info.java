/**
 * Contract suites for the storage ports: one abstract JUnit 5 class per port. An adapter's
 * test extends the suite and supplies a fresh, empty store; passing it is what "implements
 * the port" means:
 *
 * <pre>{@code
 * class DynamoAssetStoreTest extends AssetStoreContract {
 *     protected AssetStore newStore() { return new DynamoAssetStore(client, freshTable()); }
 * }
 * }</pre>
 *
 * {@link dev.truss.application.contract.Fixtures} builds valid test data with ids that sort
 * by creation; {@link dev.truss.application.contract.Pages} walks paged listings. The suites
 * need JUnit Jupiter (with params) and AssertJ on the test classpath, which the parent pom
 * gives every module of this build.
 */
package dev.truss.application.contract;
