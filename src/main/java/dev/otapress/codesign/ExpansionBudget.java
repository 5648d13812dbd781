package dev.otapress.codesign;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every byte the verifier reads out of the archive, across all files and passes, and stops
 * at a limit: a zip bomb among the sealed files (a few KB that inflate to terabytes) must not keep
 * a build hashing for hours.
 */
final class ExpansionBudget implements SealedFiles {

    /** Thrown once the limit is reached; the seal is then reported broken, naming the limit. */
    static final class Exceeded extends IOException {
        Exceeded(long limit) {
            super("the app expands to more than " + limit + " bytes, far more than its archive could hold; the .ipa is damaged or hostile");
        }
    }

    private final SealedFiles files;
    private final long limit;
    private final AtomicLong used;

    ExpansionBudget(SealedFiles files, long limit) {
        this(files, limit, new AtomicLong());
    }

    private ExpansionBudget(SealedFiles files, long limit, AtomicLong used) {
        this.files = files;
        this.limit = limit;
        this.used = used;
    }

    @Override
    public List<String> names() {
        return files.names();
    }

    @Override
    public boolean isSymlink(String name) {
        return files.isSymlink(name);
    }

    @Override
    public long sizeHint(String name) {
        return files.sizeHint(name);
    }

    @Override
    public SealedFiles under(String folder) {
        return new ExpansionBudget(files.under(folder), limit, used);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return new FilterInputStream(files.open(name)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) spend(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) spend(n);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) spend(skipped);
                return skipped;
            }
        };
    }

    private void spend(long n) throws Exceeded {
        if (used.addAndGet(n) > limit) throw new Exceeded(limit);
    }
}
