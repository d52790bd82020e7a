/** The {@code truss} command line (picocli): one class per command group. */
package dev.truss.bootstrap.cli;
