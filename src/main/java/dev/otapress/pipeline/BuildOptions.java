package dev.otapress.pipeline;

/**
 * How to build, as opposed to what ({@link BuildRequest}): none of these changes a byte of the output.
 *
 * @param threads how many files are read and made at once; 1 builds on the calling thread alone
 * @param cache   whether to use {@code <site>/.otapress-cache/} (what each .ipa yielded) and hard-link
 *                unchanged .ipa files from the previous output
 */
public record BuildOptions(int threads, boolean cache) {
    public BuildOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }

    /** One thread per core. */
    public static BuildOptions defaults() {
        return new BuildOptions(Runtime.getRuntime().availableProcessors(), true);
    }

    public BuildOptions withThreads(int count) {
        return new BuildOptions(count, cache);
    }

    public BuildOptions withCache(boolean on) {
        return new BuildOptions(threads, on);
    }
}
