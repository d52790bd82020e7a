/**
 * Moments, chapters and timed transcripts from Google Gemini, through the google-genai client.
 *
 * <ul>
 *   <li>{@link dev.truss.adapters.gemini.GeminiSettings}: the key (never shown), model, API version, optional base
 *       URL, prompt version, deadlines, retries and part lengths, checked when made;</li>
 *   <li>{@link dev.truss.adapters.gemini.GeminiMomentDetector} is the {@code MomentDetector} port: cuts the video into
 *       low-resolution parts ({@code VideoParts}), uploads them through the Files API, waits until they are ACTIVE,
 *       asks {@code generateContent} once per part for JSON in a response schema, reads the answer strictly and
 *       repairs it onto the video's timeline with a note per repair, and falls back to the local detector, saying
 *       why, whenever Gemini cannot answer usefully. Retries (429, 5xx, honouring {@code Retry-After}) are its own,
 *       within an overall deadline; token usage is summed per detection;</li>
 *   <li>the prompt is a versioned resource, {@code prompts/<version>.txt} in this package.</li>
 * </ul>
 * The model's judgements are signals for the domain's scorer, never a score: every clip's score lists its
 * contributions whichever detector ran.
 */
package dev.truss.adapters.gemini;
