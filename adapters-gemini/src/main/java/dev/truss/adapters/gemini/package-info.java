/** Placeholder until the adapter lands. */
package dev.truss.adapters.gemini;
