package dev.otapress.pipeline;

/**
 * How to build, as opposed to what ({@link BuildRequest}): none of these changes a byte of the output.
 *
 * @param threads how many files are read and made at once; 1 builds on the calling thread alone
 */
public record BuildOptions(int threads) {
    public BuildOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }

    /** One thread per core. */
    public static BuildOptions defaults() {
        return new BuildOptions(Runtime.getRuntime().availableProcessors());
    }
}
