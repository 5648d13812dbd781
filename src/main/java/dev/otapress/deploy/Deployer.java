package dev.otapress.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Publishes a built portal to object storage in the order that keeps every published link
 * working: the files pages link to, then manifests, then release pages, then the pages and
 * listings that link those, and only then deletions of what the portal no longer has. A deploy
 * that fails at any point leaves the previous portal working, and a rerun completes it.
 */
public final class Deployer {
    /** Files larger than this upload in parts of this size. */
    public static final long PART_SIZE = 16L * 1024 * 1024;

    /**
     * @param delete   delete objects the portal no longer has
     * @param threads  files (and, for a large file, parts) uploaded at once
     * @param partSize the multipart part size, at least 5 MiB on AWS
     */
    public record Options(boolean dryRun, boolean delete, int threads, long partSize) {
        public Options {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
            if (partSize < 1) throw new IllegalArgumentException("partSize must be positive");
        }

        public static Options defaults() {
            return new Options(false, true, 4, PART_SIZE);
        }
    }

    private final Options options;
    private final DeployListener listener;

    public Deployer(Options options, DeployListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param pages     where the portal goes
     * @param downloads where the binaries go ({@code downloads_base_url}), or null to keep them with the pages
     */
    public DeployReport deploy(Path outDir, ObjectStore pages, ObjectStore downloads) throws DeployException {
        if (downloads != null && pages.location().overlaps(downloads.location())) {
            throw new DeployException(pages.location() + " and " + downloads.location() + " overlap, so a deletion under one"
                    + " could remove the other's files; give the downloads their own bucket or a prefix beside the portal's");
        }
        List<LocalObject> files;
        try {
            files = new Inventory(options.partSize()).read(outDir);
        } catch (IOException e) {
            throw new DeployException("cannot read " + outDir + ": " + e.getMessage(), e);
        }
        List<LocalObject> forPages = files.stream().filter(f -> downloads == null || !f.binary()).toList();
        List<LocalObject> forDownloads = files.stream().filter(f -> downloads != null && f.binary()).toList();

        // Listing first: it is also what finds a missing bucket, refused credentials or a wrong region,
        // before anything is written.
        StorePlan pagePlan = plan(pages, forPages);
        StorePlan downloadPlan = downloads == null ? null : plan(downloads, forDownloads);
        DeployPlan plan = new DeployPlan(pagePlan, downloadPlan);
        if (options.delete()) {
            for (StorePlan s : plan.stores()) {
                if (s.foreignObjects() > 0) {
                    throw new DeployException(s.store().location() + " already holds " + s.foreignObjects() + " object"
                            + (s.foreignObjects() == 1 ? "" : "s") + " and no " + ObjectStore.MARKER + " marker: otapress deletes"
                            + " what its portal no longer has, so it leaves a prefix it did not create alone; deploy to an empty"
                            + " prefix, or with --no-delete");
                }
            }
        }
        listener.planned(plan);
        int kept = options.delete() ? 0 : plan.deletions();
        if (options.dryRun()) {
            return new DeployReport(plan, 0, plan.unchanged(), 0, kept, 0, true);
        }

        for (StorePlan s : plan.stores()) {
            // An empty prefix becomes otapress's before its first object, so later deploys may delete there.
            if (!s.markerPresent() && s.foreignObjects() == 0) s.store().putMarker();
        }

        ExecutorService fileWorkers = Executors.newFixedThreadPool(options.threads(), daemon("otapress-upload"));
        ExecutorService partWorkers = Executors.newFixedThreadPool(options.threads(), daemon("otapress-part"));
        int uploaded = 0;
        long bytes = 0;
        Map<String, String> etags = new ConcurrentHashMap<>();
        try {
            for (Phase phase : Phase.values()) {
                // Within a phase, files new to the store go before those that replace one: a replaced
                // release page may now link a new one (its "next" release), never the other way round.
                for (boolean replacing : new boolean[] {false, true}) {
                    List<Future<LocalObject>> running = new ArrayList<>();
                    for (StorePlan s : plan.stores()) {
                        for (LocalObject f : s.uploads()) {
                            if (f.phase() != phase || s.replaces(f) != replacing) continue;
                            running.add(fileWorkers.submit(() -> {
                                String etag = s.store().upload(f, partWorkers, listener::sent);
                                if (etag != null) etags.put(s.store().location().key(f.sitePath()), etag);
                                listener.uploaded(f);
                                return f;
                            }));
                        }
                    }
                    // Each step completes before the next starts: a page never arrives before what it links to.
                    for (LocalObject done : awaitAll(running)) {
                        uploaded++;
                        bytes += done.size();
                    }
                }
            }
        } finally {
            fileWorkers.shutdownNow();
            partWorkers.shutdownNow();
        }

        int deleted = 0;
        if (options.delete()) {
            // The pages' store first: its pages no longer link anything on the download host that goes.
            ExecutorService deleters = Executors.newFixedThreadPool(options.threads(), daemon("otapress-delete"));
            try {
                for (StorePlan s : plan.stores()) {
                    if (s.deletions().isEmpty()) continue;
                    s.store().delete(s.deletions(), deleters);
                    deleted += s.deletions().size();
                    listener.deleted(s.deletions().size());
                }
            } finally {
                deleters.shutdownNow();
            }
        }
        // Last, so that it names only objects that are there; a deploy that failed earlier leaves the
        // previous state, whose entries no longer match what it replaced.
        for (StorePlan s : plan.stores()) {
            Map<String, String> mine = new HashMap<>();
            for (LocalObject f : s.uploads()) {
                String etag = etags.get(s.store().location().key(f.sitePath()));
                if (etag != null) mine.put(f.sitePath(), etag);
            }
            DeployState after = s.after(mine);
            if (!after.equals(s.state())) s.store().putState(after);
        }
        return new DeployReport(plan, uploaded, plan.unchanged(), deleted, kept, bytes, false);
    }

    /** Lists the prefix once and reads its deploy state, then compares them with the files meant for it. */
    private static StorePlan plan(ObjectStore store, List<LocalObject> files) throws DeployException {
        List<RemoteObject> listing = store.list();
        return StorePlan.of(store, files, listing, store.readState(listing));
    }

    /** Waits for every task, even after one failed, so no upload still runs when the first failure is reported. */
    static <T> List<T> awaitAll(List<Future<T>> futures) throws DeployException {
        List<T> results = new ArrayList<>();
        DeployException failure = null;
        for (Future<T> f : futures) {
            try {
                results.add(await(f));
            } catch (DeployException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
        return results;
    }

    /** The result of a task, its failure rethrown as thrown. */
    static <T> T await(Future<T> future) throws DeployException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted; deploy again to complete it", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DeployException d) throw d;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new DeployException(String.valueOf(cause), cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
