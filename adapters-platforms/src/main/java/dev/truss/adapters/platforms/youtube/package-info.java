/**
 * YouTube: Google's OAuth (offline access, the creator's channel as the account) and the YouTube
 * Data API's resumable upload, whose session URI is the publication's resume token.
 */
package dev.truss.adapters.platforms.youtube;
