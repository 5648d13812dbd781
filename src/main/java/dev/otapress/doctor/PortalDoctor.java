package dev.otapress.doctor;

import dev.otapress.config.BaseUrl;

import dev.otapress.site.Version;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a deployed portal the way an iPhone will use it: trusted TLS, a listing, and for every
 * release a reachable XML manifest that matches the listing, an .ipa that answers HEAD directly
 * with the right type and size, and an install link that decodes to the manifest URL. Requests
 * stay on the hosts the user named and within {@link CheckLimits}; problems are returned as
 * data, each with its fix, in the listing's order; nothing is printed here.
 */
public final class PortalDoctor {

    private final PortalTrust trust;
    private final Clock clock;
    private final CheckLimits limits;
    private final List<URI> configured;
    private final List<String> allowedHosts;

    public PortalDoctor(PortalTrust trust, Clock clock) {
        this(trust, clock, CheckLimits.DEFAULTS, List.of(), List.of());
    }

    /**
     * @param configured   base URLs the site's own configuration names (base_url, downloads_base_url):
     *                     their hosts may be requested besides the checked one
     * @param allowedHosts further "host[:port]" names the user allowed
     * @throws IllegalArgumentException when one of them is not a host name
     */
    public PortalDoctor(PortalTrust trust, Clock clock, CheckLimits limits, Collection<URI> configured,
                        Collection<String> allowedHosts) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.configured = List.copyOf(configured);
        this.allowedHosts = List.copyOf(allowedHosts);
        for (String host : this.allowedHosts) HostPolicy.hostPort(host);
    }

    /** Runs every check; with {@code latestOnly} only the newest installable release of each app is checked. */
    public List<CheckResult> check(BaseUrl portal, boolean latestOnly) {
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        URI base = portal.uri();
        if (!new TlsCheck(trust, clock, limits.requestTimeout()).check(base, results)) return results;

        Fetcher fetcher = new Fetcher(trust, HostPolicy.of(base, configured, allowedHosts), limits, start);
        Optional<List<ListedRelease>> listed = new ListingCheck(fetcher).read(base, results);
        if (listed.isEmpty()) return results;
        List<ListedRelease> releases = latestOnly ? newestPerApp(listed.get()) : listed.get();
        if (releases.size() > limits.maxReleases()) {
            results.add(CheckResult.fail("every listed release is checked", releases.size() + " releases listed, the first "
                    + limits.maxReleases() + " checked", "raise the limit with --max-releases, or check the newest with --latest"));
            releases = releases.subList(0, limits.maxReleases());
        }
        ExecutorService pool = Executors.newFixedThreadPool(limits.parallel(), runnable -> {
            Thread t = new Thread(runnable, "otapress-check");
            t.setDaemon(true);
            return t;
        });
        try {
            results.addAll(checkAll(releases, fetcher, pool));
            // After the releases, so a host that stopped answering has already been given up on.
            List<URI> pages = releases.stream().map(ListedRelease::pageUrl).filter(Objects::nonNull).toList();
            results.add(new PageCheck(fetcher).check(base, pages, pool));
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(results);
    }

    /** A few releases at a time; the results keep the listing's order, so reports compare run to run. */
    private List<CheckResult> checkAll(List<ListedRelease> releases, Fetcher fetcher, ExecutorService pool) {
        ReleaseCheck check = new ReleaseCheck(fetcher);
        List<Future<Optional<List<CheckResult>>>> futures = new ArrayList<>();
        for (ListedRelease r : releases) futures.add(pool.submit(() -> check.check(r)));
        List<CheckResult> results = new ArrayList<>();
        int unchecked = 0;
        for (int i = 0; i < futures.size(); i++) {
            Optional<List<CheckResult>> one = await(futures.get(i), fetcher, releases.get(i));
            if (one.isPresent()) results.addAll(one.get());
            else unchecked++;
        }
        if (unchecked > 0) {
            results.add(CheckResult.fail("every listed release is checked before the deadline", unchecked + " of "
                            + releases.size() + " release(s) not checked within " + CheckLimits.seconds(limits.deadline()),
                    "raise the run's deadline with --deadline, or check the newest releases with --latest"));
        }
        return results;
    }

    private Optional<List<CheckResult>> await(Future<Optional<List<CheckResult>>> future, Fetcher fetcher, ListedRelease release) {
        // Each request ends by the deadline on its own; the margin covers the work between requests.
        Duration wait = fetcher.remaining().plus(limits.requestTimeout()).plusSeconds(5);
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            // A reader met input nobody foresaw: report it against this release instead of ending the run.
            return Optional.of(List.of(CheckResult.fail(release.label() + ": can be checked", String.valueOf(e.getCause()),
                    "deploy what 'otapress build' writes; if it is, report this as a bug with the listing entry")));
        }
    }

    private static List<ListedRelease> newestPerApp(List<ListedRelease> releases) {
        Map<String, ListedRelease> newest = new LinkedHashMap<>();
        for (ListedRelease r : releases) {
            if (r.notInstallable().isPresent()) continue;
            newest.merge(r.appKey(), r, (a, b) -> new Version(b.version()).compareTo(new Version(a.version())) > 0 ? b : a);
        }
        return List.copyOf(newest.values());
    }
}
