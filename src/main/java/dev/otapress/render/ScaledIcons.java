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
    /** A scaled PNG, or why the source could not be scaled. */
    record Scaled(byte[] png, String failure) {
    }

    private final IconScaler scaler = new IconScaler();
    private final PlaceholderIcon placeholder = new PlaceholderIcon();
    private final ConcurrentMap<String, FutureTask<Scaled>> made = new ConcurrentHashMap<>();
    private final AtomicInteger scaled = new AtomicInteger();
    private final AtomicInteger asked = new AtomicInteger();
    private final ScaledIconStore store;

    /** @param store scaled icons kept from earlier builds, or null */
    ScaledIcons(ScaledIconStore store) {
        this.store = store;
    }

    /** The icon at this size; a failure carries the placeholder's bytes and the reason. */
    Scaled scaled(byte[] sourcePng, String appName, IconSize size) {
        asked.incrementAndGet();
        if (sourcePng == null) return new Scaled(placeholder(appName, size), null);
        String sha = sha256(sourcePng);
        return once("icon " + size.pixels() + " " + sha, () -> {
            byte[] kept = store == null ? null : store.get(sha, size.pixels());
            if (kept != null) return new Scaled(kept, null);
            scaled.incrementAndGet();
            try {
                byte[] png = scaler.scale(sourcePng, size.pixels());
                if (store != null) store.put(sha, size.pixels(), png);
                return new Scaled(png, null);
            } catch (IOException e) {
                return new Scaled(null, e.getMessage());
            }
        }, appName, size);
    }

    /** How many icon files were asked for, and how many scalings that took. */
    IconCount count() {
        return new IconCount(asked.get(), scaled.get());
    }

    byte[] placeholder(String appName, IconSize size) {
        return once("placeholder " + size.pixels() + " " + appName,
                () -> new Scaled(placeholder.render(appName, size.pixels()), null), appName, size).png();
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
        return scaled.png() != null ? scaled : new Scaled(placeholder(appName, size), scaled.failure());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
