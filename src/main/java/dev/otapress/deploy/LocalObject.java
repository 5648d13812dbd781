package dev.otapress.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the built portal as it is to be stored.
 *
 * @param sitePath the '/'-separated path under public/, the key under the prefix
 * @param binary   whether it belongs on the download host when the site has one
 */
public record LocalObject(String sitePath, Path file, Checksum checksum, Phase phase, boolean binary, ObjectHeaders headers) {

    public LocalObject {
        Objects.requireNonNull(sitePath, "sitePath");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(headers, "headers");
    }

    public long size() {
        return checksum.size();
    }
}
