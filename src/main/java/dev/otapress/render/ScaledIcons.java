package dev.otapress.render;

import dev.otapress.cache.ScaledIconStore;
import dev.otapress.image.IconScaler;
import dev.otapress.image.PlaceholderIcon;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scales and encodes each distinct icon once per build, keyed by its content and size: a history
 * of a thousand releases usually shares one icon, and scaling is the dearest step of a page.
 * Threads asking for the same icon at once wait for the one that makes it. With the cache on,
 * icons scaled by earlier builds are taken from it (checked against their recorded hash).
 */
final class ScaledIcons {
    /**
     * A scaled PNG, or why the source could not be scaled.
     *
     * @param inputs what the PNG is made from (the source's SHA-256 and the size, or the placeholder's name and size)
     */
    record Scaled(byte[] png, String failure, String inputs) {
    }

    private final IconScaler scaler = new IconScaler();
    private final PlaceholderIcon placeholder = new PlaceholderIcon();
    private final ConcurrentMap<String, FutureTask<Scaled>> made = new ConcurrentHashMap<>();
    private final AtomicInteger scaled = new AtomicInteger();
    private final AtomicInteger asked = new AtomicInteger();
    private final ScaledIconStore store;
    private final java.util.Map<byte[], String> hashes = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** @param store scaled icons kept from earlier builds, or null */
    ScaledIcons(ScaledIconStore store) {
        this.store = store;
    }

    /** The icon at this size; a failure carries the placeholder's bytes and the reason. */
    Scaled scaled(byte[] sourcePng, String appName, IconSize size) {
        asked.incrementAndGet();
        if (sourcePng == null) return placeholderScaled(appName, size, null);
        String sha = sha256(sourcePng);
        String inputs = "icon " + size.pixels() + " " + sha + " v" + ScaledIconStore.FORMAT;
        return once(inputs, () -> {
            byte[] kept = store == null ? null : store.get(sha, size.pixels());
            if (kept != null) return new Scaled(kept, null, inputs);
            scaled.incrementAndGet();
            try {
                byte[] png = scaler.scale(sourcePng, size.pixels());
                if (store != null) store.put(sha, size.pixels(), png);
                return new Scaled(png, null, inputs);
            } catch (IOException e) {
                return new Scaled(null, e.getMessage(), inputs);
            }
        }, appName, size);
    }

    /** How many icon files were asked for, and how many scalings that took. */
    IconCount count() {
        return new IconCount(asked.get(), scaled.get());
    }

    byte[] placeholder(String appName, IconSize size) {
        return placeholderScaled(appName, size, null).png();
    }

    private Scaled placeholderScaled(String appName, IconSize size, String failure) {
        String inputs = "placeholder " + size.pixels() + " " + appName;
        Scaled drawn = once(inputs, () -> new Scaled(placeholder.render(appName, size.pixels()), null, inputs), appName, size);
        return failure == null ? drawn : new Scaled(drawn.png(), failure, drawn.inputs());
    }

    private Scaled once(String key, java.util.concurrent.Callable<Scaled> make, String appName, IconSize size) {
        FutureTask<Scaled> task = new FutureTask<>(make);
        FutureTask<Scaled> earlier = made.putIfAbsent(key, task);
        if (earlier == null) {
            task.run();
            earlier = task;
        }
        Scaled scaled;
        try {
            scaled = earlier.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an icon was scaled", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("icon scaling failed", e.getCause());
        }
        return scaled.png() != null ? scaled : placeholderScaled(appName, size, scaled.failure());
    }

    /** Releases share one icon array per distinct icon, so each is hashed once, not once per size and release. */
    private String sha256(byte[] bytes) {
        String known = hashes.get(bytes);
        if (known != null) return known;
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        hashes.put(bytes, sha);
        return sha;
    }
}
