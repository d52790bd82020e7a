/** Clips: scored moments of an asset, their layout for a 9:16 frame and their render state. */
package dev.truss.domain.clip;
