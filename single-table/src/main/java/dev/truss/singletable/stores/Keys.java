package dev.truss.singletable.stores;

import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import dev.truss.singletable.Key;
import dev.truss.singletable.SortKeyRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The key design in one place (ARCHITECTURE.md explains each choice). Ids are ULIDs, so sort
 * keys ending in an id sort by creation time; numbers are zero-padded so they sort as strings.
 */
final class Keys {

    static final String PROFILE = "METADATA";
    static final String ASSET_PREFIX = "ASSET#";
    static final String CLIP_PREFIX = "CLIP#";
    static final String STREAM_PREFIX = "STREAM#";
    static final String SPIKE_PREFIX = "CHAT_SPIKE#";
    static final String DAY_PREFIX = "ANALYTICS#DAILY#";
    static final String PLATFORM_PREFIX = "PLATFORM#";
    static final String SCORE_PREFIX = "SCORE#";
    static final String TIMELINE_PREFIX = "AT#";

    private Keys() {
    }

    static String creator(CreatorId creator) {
        return "CREATOR#" + creator.value();
    }

    static Key profile(CreatorId creator) {
        return new Key(creator(creator), PROFILE);
    }

    /** Its own partition, keyed by a hash: the email is personal data and never a key. */
    static Key emailOwner(EmailAddress email) {
        return new Key("EMAIL#" + sha256(email.value()), "CREATOR");
    }

    /** Assets alone start with {@code ASSET#}: chapters have their own prefix, so a page of N assets is N assets. */
    static Key asset(CreatorId creator, AssetId asset) {
        return new Key(creator(creator), ASSET_PREFIX + asset.value());
    }

    /**
     * An asset's analysis: chapters, detector, notes, usage, and where its transcript is. The key
     * says chapters because chapters were all it held at first; items written then still read.
     */
    static Key analysis(CreatorId creator, AssetId asset) {
        return new Key(creator(creator), "CHAPTERS#" + asset.value());
    }

    /** Every transcript part of an asset, of every generation. */
    static String transcriptPrefix(AssetId asset) {
        return "TRANSCRIPT#" + asset.value() + "#";
    }

    /**
     * The parts of one generation of an asset's transcript: the generation (the version of the
     * analysis item that points to it, zero-padded, so older generations sort first) and a hash of
     * its content (two writers of one generation never mix their parts).
     */
    static String transcriptGeneration(AssetId asset, long generation, String contentHash) {
        return transcriptPrefix(asset) + String.format("%012d#%s#", generation, contentHash);
    }

    /**
     * The parts of an asset's transcript other than those of {@code generation} with
     * {@code contentHash}: older generations, and other hashes of the same one. Two ranges, since
     * the kept parts sort between them; newer generations are in neither.
     */
    static java.util.List<SortKeyRange> transcriptsOtherThan(AssetId asset, long generation, String contentHash) {
        String kept = transcriptGeneration(asset, generation, contentHash); // "...#<generation>#<hash>#"
        String before = kept.substring(0, kept.length() - 1); // below every kept part: they go on with '#'
        String after = before + "$"; // '$' follows '#': above every kept part, below other hashes after this one
        String generationEnd = transcriptPrefix(asset) + String.format("%012d#~", generation); // '~' follows hex
        return java.util.List.of(SortKeyRange.between(transcriptPrefix(asset), before),
                SortKeyRange.between(after, generationEnd));
    }

    static Key transcriptPart(CreatorId creator, AssetId asset, long generation, String contentHash, int part) {
        return new Key(creator(creator), transcriptGeneration(asset, generation, contentHash)
                + String.format("%04d", part));
    }

    /** Clips live in {@code shards} partitions of their own, so a creator with very many clips spreads its load. */
    static String clipShard(CreatorId creator, int shard) {
        return creator(creator) + "#CLIPS#" + shard;
    }

    static Key clip(CreatorId creator, ClipId clip, int shards) {
        return new Key(clipShard(creator, shardOf(clip, shards)), CLIP_PREFIX + clip.value());
    }

    /** Stable for an id (String.hashCode is specified), and spreads ids made in one millisecond. */
    static int shardOf(ClipId clip, int shards) {
        return Math.floorMod(clip.value().hashCode(), shards);
    }

    /** GSI1: a creator's clips by score. */
    static String clipsByScore(CreatorId creator) {
        return creator(creator) + "#CLIPS";
    }

    static String scoreKey(int score, ClipId clip) {
        return SCORE_PREFIX + String.format("%03d", score) + "#" + clip.value();
    }

    /** GSI2: an asset's clips on its timeline. */
    static String clipsOfAsset(CreatorId creator, AssetId asset) {
        return creator(creator) + "#ASSET#" + asset.value();
    }

    static String timelineKey(long startMs, long endMs, ClipId clip) {
        return TIMELINE_PREFIX + String.format("%013d#%013d#", startMs, endMs) + clip.value();
    }

    static Key stream(CreatorId creator, StreamId stream) {
        return new Key(creator(creator), STREAM_PREFIX + stream.value());
    }

    /** By start time, then stream: a key range is a time range, and a repeated spike lands on itself. */
    static String spikeSortKey(Instant start, String stream) {
        return SPIKE_PREFIX + String.format("%019d.%09d#%s", start.getEpochSecond(), start.getNano(), stream);
    }

    static Key liveClip(CreatorId creator, StreamId stream, Instant spikeStart) {
        return new Key(creator(creator), liveClipPrefix(stream)
                + String.format("%019d.%09d", spikeStart.getEpochSecond(), spikeStart.getNano()));
    }

    static String liveClipPrefix(StreamId stream) {
        return "LIVE_CLIP#" + stream.value() + "#";
    }

    static Key day(CreatorId creator, LocalDate day) {
        return new Key(creator(creator), DAY_PREFIX + day);
    }

    static Key connection(CreatorId creator, Platform platform) {
        return new Key(creator(creator), PLATFORM_PREFIX + platform.name());
    }

    static String publicationPrefix(ClipId clip) {
        return "PUBLICATION#" + clip.value() + "#";
    }

    static Key publication(CreatorId creator, ClipId clip, Platform platform) {
        return new Key(creator(creator), publicationPrefix(clip) + platform.name());
    }

    static Key job(CreatorId creator, JobId job) {
        return new Key(creator(creator), "JOB#" + job.value());
    }

    /** A job queue's own partition: every ticket of one queue, in the order they become visible. */
    static String queue(String name) {
        return "QUEUE#" + name;
    }

    /**
     * A ticket, visible from {@code visibleAtMillis}: due tickets are a key range ending at now,
     * oldest first. The nonce tells apart two copies of one ticket, so a move never overwrites.
     */
    static String queuedTicket(long visibleAtMillis, CreatorId creator, JobId job, String nonce) {
        return String.format("%015d#%s#%s#%s", visibleAtMillis, creator.value(), job.value(), nonce);
    }

    /** The lowest sort key after every ticket visible at {@code millis}: the end of the due range. */
    static String queuedAfter(long millis) {
        return String.format("%015d", millis + 1);
    }

    /** By the token's hash: the table never holds a token that would log someone in. */
    static Key magicLink(TokenHash token) {
        return new Key("MAGIC#" + token.hex(), "VERIFY");
    }

    static Key pendingAuthorization(TokenHash state) {
        return new Key("OAUTH#" + state.hex(), "PENDING");
    }

    static Key session(TokenHash token) {
        return new Key("SESSION#" + token.hex(), "SESSION");
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
