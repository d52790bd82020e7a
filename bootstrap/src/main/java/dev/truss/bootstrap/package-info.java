/** Wiring, configuration and the command line: the only module that knows several adapters. */
package dev.truss.bootstrap;
