package dev.otapress.server;

import java.util.Objects;

/**
 * A generated text file, named by its path relative to where it belongs (the web root for
 * {@code .htaccess}, the server's configuration folder for {@code nginx.conf}).
 */
public record TextFile(String path, String content) {

    public TextFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be a plain relative path: " + path);
        }
    }
}
