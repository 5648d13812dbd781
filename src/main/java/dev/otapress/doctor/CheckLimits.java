package dev.otapress.doctor;

import java.time.Duration;
import java.util.Objects;

/**
 * How far {@code check} goes against a server that does not behave: every request has a total
 * time (headers and body), every body a cap by kind, the run a deadline, and releases are checked
 * a few at a time. The defaults fit a large portal (a releases.json of 2,000 releases is a few
 * MB; a slow VPN may need minutes); each can be raised by a flag.
 *
 * @param requestTimeout   the most one request may take, from connecting to the body's last byte
 * @param deadline         the most the whole run may take; what is left unchecked then fails
 * @param parallel         releases checked at the same time
 * @param maxReleases      releases checked at most; a longer listing fails with the count
 * @param maxListingBytes  the cap on releases.json
 * @param maxPageBytes     the cap on each page (the home page, app, history and release pages)
 * @param maxManifestBytes the cap on each manifest.plist
 */
public record CheckLimits(Duration requestTimeout, Duration deadline, int parallel, int maxReleases,
                          long maxListingBytes, long maxPageBytes, long maxManifestBytes, int maxPages) {

    public static final CheckLimits DEFAULTS = new CheckLimits(Duration.ofSeconds(20), Duration.ofMinutes(15), 4, 10_000,
            32L << 20, 8L << 20, 1L << 20, 1_000);

    /**
     * After this many requests to one host ran out of time or sent a body over its cap, the rest
     * to that host are not made: a portal whose manifests never answer costs a minute, not N timeouts.
     */
    static final int FAILURES_PER_HOST = 3;

    public CheckLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(deadline, "deadline");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("the request timeout must be positive");
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("the deadline must be positive");
        if (parallel < 1 || parallel > 64) throw new IllegalArgumentException("parallel must be between 1 and 64");
        if (maxReleases < 1) throw new IllegalArgumentException("max releases must be at least 1");
        if (maxPages < 1) throw new IllegalArgumentException("max pages must be at least 1");
        if (maxListingBytes < 1 || maxPageBytes < 1 || maxManifestBytes < 1) throw new IllegalArgumentException("size caps must be positive");
    }

    /** "32 MB", "1 MB", "512 KB": how the caps are named in reports. */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
}
