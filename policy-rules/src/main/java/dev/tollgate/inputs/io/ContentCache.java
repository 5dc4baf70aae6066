package dev.tollgate.inputs.io;

import java.lang.ref.SoftReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader made of one input's bytes, kept in memory for the next {@code check} in the same JVM (an
 * embedder's engine checks a repository again and again): keyed by the SHA-256 of the bytes that were read,
 * never by a file's size or time, so a changed file is always read again, and by everything else the result
 * depends on (its display name, the reader's options). The bytes are still read, through
 * {@link InputFiles} with all its checks, on every run: only the parsing and the work on the parsed tree are
 * saved. Values must be immutable (fact records are); a reader that depends on anything else (another file)
 * keeps that out of the value or checks it on every hit.
 *
 * <p>Bounded (least recently used entries dropped) and held through soft references (a JVM short of memory
 * drops them before failing), thread-safe, process-wide; nothing is written to disk.
 *
 * @param <K> the key: a record holding the SHA-256 and what else the value depends on
 * @param <V> the reader's immutable result
 */
public final class ContentCache<K, V> {
    /**
     * The system property that turns every cache off when set to {@code off}: the command line sets it, as
     * its JVM checks once and a cache would only add hashing to the cold start; embedders keep them on.
     */
    public static final String PROPERTY = "tollgate.inputCache";

    private final int max;
    private final Map<K, SoftReference<V>> entries;

    /** @param max entries kept */
    public ContentCache(int max) {
        this.max = max;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Whether caches keep anything in this process ({@link #PROPERTY} not {@code off}). */
    public static boolean enabled() {
        return !"off".equals(System.getProperty(PROPERTY));
    }

    /** The value for {@code key}, or null. */
    public synchronized V get(K key) {
        if (!enabled()) return null;
        SoftReference<V> ref = entries.get(key);
        V v = ref == null ? null : ref.get();
        if (ref != null && v == null) entries.remove(key);
        return v;
    }

    /** Keeps {@code value} for {@code key}, dropping the least recently used entry past the bound. */
    public synchronized void put(K key, V value) {
        if (!enabled()) return;
        entries.put(key, new SoftReference<>(value));
        if (entries.size() > max) {
            var it = entries.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /**
     * The value for {@code key}, else {@code read}'s, kept. {@code read} runs outside the lock (two threads
     * may both read the same new input; either result is the same).
     */
    public V computeIfAbsent(K key, java.util.function.Supplier<V> read) {
        V v = get(key);
        if (v != null) return v;
        v = read.get();
        put(key, v);
        return v;
    }

    /** {@code parse}'s result for {@code text} shown as {@code display}: kept in {@code cache} by the text's SHA-256 (when caches are on). */
    public static <V> V parseText(ContentCache<TextKey, V> cache, String display, String text, java.util.function.Supplier<V> parse) {
        if (!enabled()) return parse.get();
        return cache.computeIfAbsent(TextKey.of(display, text), parse);
    }

    /** The key of a text input whose parse depends on its text and the name findings give it, nothing else. */
    public record TextKey(String display, String sha256) {
        /** The key of {@code text} shown as {@code display}. */
        public static TextKey of(String display, String text) {
            return new TextKey(display, ContentCache.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Drops every entry (tests). */
    public synchronized void clear() {
        entries.clear();
    }

    /** The SHA-256 of {@code bytes}, as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
