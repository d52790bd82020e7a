/**
 * The Truss model and its rules, free of any framework: identifiers, the entities of the
 * single table, their state machines, and the three algorithms at the heart of the product
 * (virality scoring, moment selection, chat-spike detection). Depends on the JDK only.
 */
package dev.truss.domain;
