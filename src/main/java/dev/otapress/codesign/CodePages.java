package dev.otapress.codesign;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Hashes the code pages of every signed slice in one forward pass over the executable, feeding
 * each CodeDirectory's digest as the bytes go by: memory stays at one buffer whatever the size.
 */
final class CodePages {
    private static final int BUFFER = 64 * 1024;

    private CodePages() {
    }

    /** The first page that does not match, per code directory (deduplicated, ascending). */
    static SortedSet<Integer> firstMismatches(Seeker file, List<MachO.Slice> slices) throws IOException {
        SortedSet<Integer> bad = new TreeSet<>();
        byte[] buffer = new byte[BUFFER];
        for (MachO.Slice slice : slices) {
            if (slice.signature() == null) continue;
            List<Page> pages = slice.signature().codeDirectories().stream().map(cd -> new Page(cd, slice.size())).toList();
            long end = Math.min(slice.size(), pages.stream().mapToLong(p -> p.cd.codeLimit()).max().orElse(0));
            file.seek(slice.offset());
            long at = 0;
            while (at < end) {
                int n = file.readSome(buffer, (int) Math.min(buffer.length, end - at));
                if (n < 0) break;
                for (Page p : pages) p.feed(buffer, at, n);
                at += n;
            }
            for (Page p : pages) {
                p.finish();
                if (p.failed >= 0) bad.add(p.failed);
            }
        }
        return bad;
    }

    /** One code directory's walk through the pages. */
    private static final class Page {
        final CodeDirectory cd;
        final MessageDigest digest;
        final long size;
        int index;
        long filled;
        int failed = -1;

        Page(CodeDirectory cd, long sliceSize) {
            this.cd = cd;
            this.digest = cd.hashType().digest(sliceSize);
            this.size = cd.pageSize();
        }

        void feed(byte[] buffer, long at, int n) {
            int from = 0;
            while (from < n && failed < 0 && index < cd.nCodeSlots()) {
                long position = at + from;
                if (position >= cd.codeLimit()) return;
                int take = (int) Math.min(n - from, Math.min(size - filled, cd.codeLimit() - position));
                digest.update(buffer, from, take);
                filled += take;
                from += take;
                if (filled == size || position + take == cd.codeLimit()) close();
            }
        }

        /** At the end of the data: a page left open, or pages never reached, do not match. */
        void finish() {
            if (failed >= 0 || index >= cd.nCodeSlots()) return;
            if (filled > 0) close();
            if (failed < 0 && index < cd.nCodeSlots()) failed = index;
        }

        private void close() {
            byte[] want = cd.codeSlot(index);
            byte[] got = cd.hashType().finish(digest);
            if (!Bytes.allZero(want) && !Arrays.equals(want, got)) failed = index;
            index++;
            filled = 0;
        }
    }
}
