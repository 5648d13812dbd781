package dev.otapress.codesign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the embedded signature of each slice of a thin or universal Mach-O file in one forward
 * pass: headers and signatures are read, the code between them is only skipped.
 */
final class MachO {

    /** A slice of the file and its signature (null when the slice has no LC_CODE_SIGNATURE). */
    record Slice(long offset, long size, SuperBlob signature) {
    }

    static final long FAT_MAGIC = 0xcafebabeL;
    private static final long MH_MAGIC = 0xfeedfaceL;
    private static final long MH_MAGIC_64 = 0xfeedfacfL;
    private static final long LC_CODE_SIGNATURE = 0x1d;
    /** Universal files hold a handful of architectures; Java class files share the magic with larger counts. */
    private static final int MAX_SLICES = 16;
    /** Load commands of real apps take tens of KB. */
    private static final int MAX_LOAD_COMMANDS = 4 * 1024 * 1024;
    /**
     * A signature grows with the code it covers (52 bytes per 4 KB page for SHA-1 plus SHA-256):
     * 32 MB covers executables of more than 2 GB.
     */
    static final int MAX_SIGNATURE = 32 * 1024 * 1024;

    private MachO() {
    }

    /** The slices, ordered by offset; an empty list when the file is no Mach-O at all. */
    static List<Slice> read(Seeker file) throws IOException {
        byte[] head = file.read(8);
        List<long[]> ranges = new ArrayList<>();
        if (Bytes.u32be(head, 0) == FAT_MAGIC) {
            long n = Bytes.u32be(head, 4);
            if (n == 0 || n > MAX_SLICES) throw new MalformedSignatureException("a universal file with " + n + " architectures");
            byte[] archs = file.read((int) n * 20);
            for (int i = 0; i < n; i++) {
                long offset = Bytes.u32be(archs, i * 20L + 8);
                long size = Bytes.u32be(archs, i * 20L + 12);
                if (offset < 8 + n * 20) throw new MalformedSignatureException("an architecture that overlaps the universal header");
                ranges.add(new long[] {offset, size});
            }
            ranges.sort(Comparator.comparingLong(r -> r[0]));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i)[0] < ranges.get(i - 1)[0] + ranges.get(i - 1)[1]) {
                    throw new MalformedSignatureException("architectures that overlap");
                }
            }
        } else {
            ranges.add(new long[] {0, Long.MAX_VALUE});
        }
        List<Slice> slices = new ArrayList<>();
        for (long[] r : ranges) {
            Slice s = slice(file, r[0], r[1]);
            if (s != null) slices.add(s);
        }
        return slices;
    }

    private static Slice slice(Seeker file, long offset, long size) throws IOException {
        file.seek(offset);
        byte[] header = file.read(28);
        long magic = Bytes.u32le(header, 0);
        if (magic != MH_MAGIC && magic != MH_MAGIC_64) return null;
        int headerSize = magic == MH_MAGIC_64 ? 32 : 28;
        long ncmds = Bytes.u32le(header, 16);
        long sizeofcmds = Bytes.u32le(header, 20);
        if (sizeofcmds > MAX_LOAD_COMMANDS || headerSize + sizeofcmds > size) {
            throw new MalformedSignatureException("load commands of " + sizeofcmds + " bytes");
        }
        if (ncmds > sizeofcmds / 8) throw new MalformedSignatureException(ncmds + " load commands in " + sizeofcmds + " bytes");
        file.seek(offset + headerSize);
        byte[] commands = file.read((int) sizeofcmds);
        long p = 0;
        long sigOffset = -1;
        long sigSize = 0;
        for (long i = 0; i < ncmds; i++) {
            long cmd = Bytes.u32le(commands, p);
            long cmdsize = Bytes.u32le(commands, p + 4);
            if (cmdsize < 8 || p + cmdsize > sizeofcmds) throw new MalformedSignatureException("a load command of " + cmdsize + " bytes");
            if (cmd == LC_CODE_SIGNATURE) {
                if (sigOffset >= 0) throw new MalformedSignatureException("two code signature load commands");
                if (cmdsize < 16) throw new MalformedSignatureException("a code signature load command too short");
                sigOffset = Bytes.u32le(commands, p + 8);
                sigSize = Bytes.u32le(commands, p + 12);
            }
            p += cmdsize;
        }
        if (sigOffset < 0) return new Slice(offset, size, null);
        if (sigOffset < headerSize + sizeofcmds || sigOffset + sigSize > size) {
            throw new MalformedSignatureException("a code signature outside its architecture");
        }
        if (sigSize < 12 || sigSize > MAX_SIGNATURE) throw new MalformedSignatureException("a code signature of " + sigSize + " bytes");
        file.seek(offset + sigOffset);
        return new Slice(offset, size, SuperBlob.parse(file.read((int) sigSize)));
    }
}
