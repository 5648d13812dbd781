package dev.otapress.cli;

import dev.otapress.deploy.DeployListener;
import dev.otapress.deploy.DeployPlan;
import dev.otapress.deploy.LocalObject;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One status line on a terminal, rewritten in place: files and bytes done, and the rate. */
final class DeployProgress implements DeployListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final long start = System.nanoTime();
    private volatile long lastDraw;
    private volatile int totalFiles;
    private volatile long totalBytes;

    DeployProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void planned(DeployPlan plan) {
        totalFiles = plan.uploads();
        totalBytes = plan.uploadBytes();
    }

    @Override
    public void sent(long n) {
        bytes.addAndGet(n);
        draw(false);
    }

    @Override
    public void uploaded(LocalObject file) {
        files.incrementAndGet();
        draw(false);
    }

    @Override
    public void deleted(int count) {
        draw(true);
    }

    /** Clears the status line, so the summary starts on a clean line. */
    void finish() {
        synchronized (out) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        String line = String.format(Locale.ROOT, "%d/%d files, %.1f/%.1f MB, %.1f MB/s", files.get(), totalFiles,
                bytes.get() / 1e6, totalBytes / 1e6, bytes.get() / 1e6 / seconds);
        synchronized (out) {
            out.print("\r\033[K" + line);
            out.flush();
        }
    }
}
