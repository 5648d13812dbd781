package dev.otapress.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@link LocalS3} on its own, for the shaded jar's smoke test (.ci/smoke-jar): stores under
 * DIR, creates BUCKET, writes the endpoint to PORT_FILE once it serves, and runs until killed.
 * Usage: LocalS3Main DIR BUCKET PORT_FILE
 */
public final class LocalS3Main {
    private LocalS3Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) throw new IllegalArgumentException("usage: LocalS3Main DIR BUCKET PORT_FILE");
        LocalS3 s3 = LocalS3.start(Path.of(args[0]));
        s3.createBucket(args[1]);
        Path ready = Path.of(args[2]);
        Path partial = ready.resolveSibling(ready.getFileName() + ".part");
        Files.writeString(partial, s3.endpoint() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, ready);
        Thread.currentThread().join();
    }
}
