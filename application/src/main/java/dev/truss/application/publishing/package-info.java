/**
 * Publishing: connecting platform accounts by OAuth (tokens sealed at rest, never returned) and
 * posting rendered clips exactly once per (clip, platform).
 */
package dev.truss.application.publishing;
