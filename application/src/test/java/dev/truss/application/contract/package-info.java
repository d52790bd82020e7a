/**
 * Contract suites for the storage ports: one abstract JUnit 5 class per port. An adapter's
 * test extends the suite and supplies a fresh, empty store; passing it is what "implements
 * the port" means. {@link dev.truss.application.contract.Fixtures} builds valid test data.
 */
package dev.truss.application.contract;
