package dev.otapress.codesign;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file that may only be streamed (a deflated zip entry) as if it could seek: forward by
 * skipping, backward by opening it again. Each backward move costs a new pass, so callers go
 * forward wherever they can, and the number of reopenings is capped.
 */
final class Seeker implements AutoCloseable {

    /** Opens the file again from its start. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private static final int MAX_REOPENS = 64;

    private final Opener opener;
    private InputStream in;
    private long position;
    private int reopens;

    Seeker(Opener opener) throws IOException {
        this.opener = opener;
        this.in = opener.open();
    }

    long position() {
        return position;
    }

    /** Moves to an absolute offset; fails when the file ends before it. */
    void seek(long offset) throws IOException {
        if (offset < 0) throw new MalformedSignatureException("a negative offset");
        if (offset < position) {
            if (++reopens > MAX_REOPENS) throw new MalformedSignatureException("too many backward references");
            in.close();
            in = opener.open();
            position = 0;
        }
        long left = offset - position;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw new MalformedSignatureException("an offset beyond the end of the file");
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    /** Exactly {@code n} bytes from the current position; fails when the file is shorter. */
    byte[] read(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        position += bytes.length;
        if (bytes.length < n) throw new MalformedSignatureException("a structure that runs past the end of the file");
        return bytes;
    }

    /** Up to {@code buffer.length} bytes (fewer only at the end of the file); -1 at the end. */
    int readSome(byte[] buffer, int length) throws IOException {
        int n = in.readNBytes(buffer, 0, length);
        position += n;
        return n == 0 && length > 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
