/**
 * Discord through a channel webhook: the creator connects a webhook, whose URL is the only
 * credential, and {@link dev.truss.adapters.platforms.discord.DiscordPublisher} posts each clip there
 * as a message with the video attached (or a link, over Discord's upload limit).
 */
package dev.truss.adapters.platforms.discord;
