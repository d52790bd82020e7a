/**
 * The media ports on FFmpeg, run as a separate process ({@link dev.truss.adapters.media.FfmpegRun}):
 * nothing of a video is ever loaded into the JVM.
 */
package dev.truss.adapters.media;
