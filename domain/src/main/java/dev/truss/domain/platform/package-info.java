/** Platforms (YouTube, TikTok, Twitch, Discord), a creator's connections to them, and publications of clips. */
package dev.truss.domain.platform;
