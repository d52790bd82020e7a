/** Positions and spans on a video's timeline, in milliseconds. */
package dev.truss.domain.time;
