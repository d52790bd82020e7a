/**
 * TikTok: posting clips with the Content Posting API (direct post, file upload in chunks, status
 * polls), over {@link dev.truss.adapters.platforms.PlatformHttp}.
 */
package dev.truss.adapters.platforms.tiktok;
