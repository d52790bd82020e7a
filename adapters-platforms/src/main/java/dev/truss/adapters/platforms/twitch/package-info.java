/**
 * Twitch over Helix: it has no video upload, so a moment becomes a Twitch clip by clipping the live
 * broadcast ({@link dev.truss.adapters.platforms.twitch.TwitchLiveClipper}), optionally announced in
 * chat ({@link dev.truss.adapters.platforms.twitch.TwitchChat}).
 */
package dev.truss.adapters.platforms.twitch;
