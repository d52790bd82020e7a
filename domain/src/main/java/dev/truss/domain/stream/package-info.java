/**
 * Live streams' chat. {@link dev.truss.domain.stream.ChatSpikeDetector} turns a stream's chat
 * messages into {@link dev.truss.domain.stream.ChatSpike}s: bursts well above the stream's own
 * adaptive baseline, statistically significant and long enough to be a moment rather than a blip.
 * It runs in constant memory per stream and its whole state is a value
 * ({@link dev.truss.domain.stream.ChatSpikeState}) the application persists between ingest calls.
 */
package dev.truss.domain.stream;
