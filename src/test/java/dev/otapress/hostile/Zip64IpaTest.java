package dev.otapress.hostile;

import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.testing.TestIpa;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An .ipa over 4 GB (zip64, with the app's Info.plist stored beyond the 4 GB mark) is read through
 * its central directory. The big entry is a hole in a sparse file, so the test needs a few KB of
 * disk, not 4 GB.
 */
class Zip64IpaTest {
    @TempDir
    Path dir;

    private static final long BIG = (4L << 30) + (16L << 20);

    @Test
    void readsAnIpaLargerThanFourGigabytes() throws Exception {
        Path ipa = dir.resolve("Huge.ipa");
        byte[] plist = TestIpa.app("Huge", "com.example.huge").version("3.1", "310").infoPlistBytes();
        try (SeekableByteChannel channel = new SparseZeros(FileChannel.open(ipa,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ, StandardOpenOption.SPARSE));
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            zip.setUseZip64(Zip64Mode.Always);
            ZipArchiveEntry big = new ZipArchiveEntry("Payload/Huge.app/Assets.bin");
            big.setMethod(ZipArchiveEntry.STORED);
            big.setSize(BIG);
            big.setCompressedSize(BIG);
            big.setCrc(crcOfZeros(BIG));
            zip.addRawArchiveEntry(big, new Zeros(BIG));
            ZipArchiveEntry info = new ZipArchiveEntry("Payload/Huge.app/Info.plist");
            zip.putArchiveEntry(info);
            zip.write(plist);
            zip.closeArchiveEntry();
        }
        assertTrue(Files.size(ipa) > BIG, "over 4 GB: " + Files.size(ipa));

        IpaInfo read = new IpaReader().read(ipa);
        assertEquals("com.example.huge", read.app().bundleIdentifier());
        assertEquals("3.1", read.app().version());
        assertEquals("310", read.app().build());
        assertEquals(Files.size(ipa), read.size());
        assertEquals(64, read.sha256().length());
    }

    private static long crcOfZeros(long length) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1 << 20];
        for (long left = length; left > 0; left -= zeros.length) crc.update(zeros, 0, (int) Math.min(zeros.length, left));
        return crc.getValue();
    }

    /** {@code length} zero bytes. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) return -1;
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    /** Skips over writes of zeros instead of writing them, which leaves a hole in the file. */
    private static final class SparseZeros implements SeekableByteChannel {
        private static final byte[] ZEROS = new byte[1 << 16];
        private final FileChannel file;

        SparseZeros(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            if (n >= 512 && n <= ZEROS.length && src.hasArray()
                    && Arrays.mismatch(src.array(), src.arrayOffset() + src.position(),
                    src.arrayOffset() + src.position() + n, ZEROS, 0, n) == -1) {
                file.position(file.position() + n);
                src.position(src.limit());
                return n;
            }
            return file.write(src);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public SeekableByteChannel position(long p) throws IOException {
            file.position(p);
            return this;
        }

        @Override
        public long size() throws IOException {
            return Math.max(file.size(), file.position());
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
