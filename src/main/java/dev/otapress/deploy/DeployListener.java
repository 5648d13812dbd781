package dev.otapress.deploy;

/** Told what a deploy does as it does it, for a progress display. Called from several threads. */
public interface DeployListener {
    DeployListener NONE = new DeployListener() {
    };

    /** Before anything is written. */
    default void planned(DeployPlan plan) {
    }

    /** A request that sent {@code bytes} of a file completed (a whole small file, or one part). */
    default void sent(long bytes) {
    }

    /** A file is completely stored. */
    default void uploaded(LocalObject file) {
    }

    /** Objects were deleted. */
    default void deleted(int count) {
    }
}
