/** Clips: listing (newest, best, per video), editing, deleting, rendering in the background and downloading. */
package dev.truss.application.clip;
