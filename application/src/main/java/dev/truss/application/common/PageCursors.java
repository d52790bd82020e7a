package dev.truss.application.common;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a store's page positions into cursors a client can hold but not forge: the position
 * plus an HMAC-SHA256 over (creator, list, position). A cursor altered, forged, made for
 * another creator or for another list is rejected instead of served. Every store adapter
 * gets this for free, since it only ever sees raw positions.
 */
public final class PageCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** {@code key} is a secret of at least 32 bytes, the same on every server of a deployment. */
    public PageCursors(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the cursor key needs at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The store request for a client's page query on list {@code list} of {@code creator}. */
    public PageRequest open(PageQuery query, CreatorId creator, String list) {
        return new PageRequest(query.limit(), query.cursor().map(cursor -> verify(cursor, creator, list)));
    }

    /** Runs a store listing for a client and seals the position of its next page. */
    public <T> CursorPage<T> page(PageQuery query, CreatorId creator, String list,
                                  Function<PageRequest, Page<T>> listing) {
        Page<T> page = listing.apply(open(query, creator, list));
        return new CursorPage<>(page.items(), page.next().map(next -> seal(next, creator, list)));
    }

    String seal(String position, CreatorId creator, String list) {
        byte[] raw = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(raw) + "." + ENCODER.encodeToString(mac(raw, creator, list));
    }

    private String verify(String cursor, CreatorId creator, String list) {
        int dot = cursor.indexOf('.');
        Optional<byte[]> raw = dot < 0 ? Optional.empty() : decode(cursor.substring(0, dot));
        Optional<byte[]> tag = dot < 0 ? Optional.empty() : decode(cursor.substring(dot + 1));
        if (raw.isEmpty() || tag.isEmpty() || !MessageDigest.isEqual(tag.get(), mac(raw.get(), creator, list))) {
            throw new InvalidValueException("this cursor is not valid for this list: use the cursor of the "
                    + "previous page unchanged, or leave it out to start from the first page");
        }
        return new String(raw.get(), StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] position, CreatorId creator, String list) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Length-prefixed fields, so no two (creator, list, position) triples share an input.
            for (byte[] field : new byte[][] {creator.value().getBytes(StandardCharsets.UTF_8),
                    list.getBytes(StandardCharsets.UTF_8), position}) {
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(field.length).array());
                mac.update(field);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    private static Optional<byte[]> decode(String text) {
        try {
            return Optional.of(DECODER.decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
