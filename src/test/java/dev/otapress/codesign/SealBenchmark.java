package dev.otapress.codesign;

import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;

/**
 * What verifying a seal costs: every signed real fixture, then one generated IPA whose executable
 * is as large as asked (1 GB by default, incompressible, so the .ipa is that large too), written
 * and read as streams. Prints time, throughput and peak heap; run with bench/seal under a 256 MB heap.
 */
public final class SealBenchmark {
    private static final int PAGE = 4096;

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path fixtures = Path.of("../shared/fixtures");
        IpaReader reader = new IpaReader();
        if (Files.isDirectory(fixtures)) {
            List<Path> ipas = new ArrayList<>();
            try (var walk = Files.walk(fixtures)) {
                walk.filter(p -> p.toString().endsWith(".ipa")).sorted().forEach(ipas::add);
            }
            for (Path ipa : ipas) {
                try {
                    reader.read(ipa); // warm up
                    long t = System.nanoTime();
                    IpaInfo info = reader.read(ipa);
                    System.out.printf(Locale.ROOT, "%-55s %8.1f ms  %s%n", fixtures.relativize(ipa),
                            (System.nanoTime() - t) / 1e6, info.codeSignature().status().id());
                } catch (Exception e) {
                    // Refused fixtures (wrapped, no app) have no seal to time.
                }
            }
        }
        Path big = Files.createTempFile("otapress-seal-", ".ipa");
        try {
            long t = System.nanoTime();
            write(big, megabytes << 20);
            System.out.printf(Locale.ROOT, "generated %s: %d MB in %.1f s%n", big.getFileName(), Files.size(big) >> 20,
                    (System.nanoTime() - t) / 1e9);
            resetPeaks();
            t = System.nanoTime();
            IpaInfo info = reader.read(big);
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "read + seal of a %d MB executable: %.1f s (%.0f MB/s, whole IPA hashed too), seal %s,"
                            + " peak heap %d MB of %d MB max%n", megabytes, s, megabytes / s, info.codeSignature().status().id(),
                    peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /** An IPA whose executable is signed ad hoc over {@code codeSize} pseudo-random bytes, streamed in two passes. */
    static void write(Path ipa, long codeSize) throws Exception {
        byte[] info = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><plist version=\"1.0\"><dict>"
                + "<key>CFBundleIdentifier</key><string>com.example.big</string><key>CFBundleShortVersionString</key><string>1.0</string>"
                + "<key>CFBundleVersion</key><string>1</string><key>CFBundleExecutable</key><string>Big</string></dict></plist>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] resources = SignedApp.codeResources(Map.of());
        long codeLimit = 48 + codeSize;
        long nCode = (codeLimit + PAGE - 1) / PAGE;
        byte[] ident = "com.example.big\0".getBytes(StandardCharsets.UTF_8);
        int hashOffset = 88 + ident.length + 3 * 32;
        int cdLength = (int) (hashOffset + nCode * 32);
        int sigLength = 12 + 8 + cdLength;
        ByteBuffer head = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xfeedfacf).putInt(0x0100000c).putInt(0).putInt(2).putInt(1).putInt(16).putInt(0).putInt(0);
        head.putInt(0x1d).putInt(16).putInt((int) codeLimit).putInt(sigLength);

        // Pass one hashes the pages, pass two writes them: the signature follows the code.
        ByteBuffer cd = ByteBuffer.allocate(cdLength);
        cd.putInt(0xfade0c02).putInt(cdLength).putInt(0x20400).putInt(2).putInt(hashOffset).putInt(88).putInt(3)
                .putInt((int) nCode).putInt((int) codeLimit).put((byte) 32).put((byte) 2).put((byte) 0).put((byte) 12).putInt(0)
                .putInt(0).putInt(0).putInt(0).putLong(0).putLong(0).putLong(0).putLong(0);
        cd.put(ident);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        cd.put(sha.digest(resources)).put(new byte[32]).put(sha.digest(info));
        code(head.array(), codeSize, page -> cd.put(sha.digest(page)));
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(ipa)) {
            entry(zip, "Payload/Big.app/Info.plist", info);
            entry(zip, "Payload/Big.app/_CodeSignature/CodeResources", resources);
            ZipArchiveEntry exe = new ZipArchiveEntry("Payload/Big.app/Big");
            exe.setMethod(ZipEntry.DEFLATED);
            zip.setLevel(1);
            zip.putArchiveEntry(exe);
            code(head.array(), codeSize, page -> zip.write(page));
            ByteBuffer sb = ByteBuffer.allocate(20).putInt(0xfade0cc0).putInt(sigLength).putInt(1).putInt(0).putInt(20);
            zip.write(sb.array());
            zip.write(cd.array());
            zip.closeArchiveEntry();
        }
    }

    private interface PageSink {
        void accept(byte[] page) throws Exception;
    }

    /** The header, then {@code size} bytes of xorshift noise, handed out page by page (the last may be short). */
    private static void code(byte[] header, long size, PageSink sink) throws Exception {
        long state = 0x9E3779B97F4A7C15L;
        long left = size;
        byte[] page = new byte[PAGE];
        System.arraycopy(header, 0, page, 0, header.length);
        int fill = header.length;
        while (left > 0 || fill > 0) {
            while (fill < PAGE && left > 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                page[fill++] = (byte) state;
                left--;
            }
            sink.accept(fill == PAGE ? page : java.util.Arrays.copyOf(page, fill));
            fill = 0;
            if (left == 0) break;
        }
    }

    private static void entry(ZipArchiveOutputStream zip, String name, byte[] bytes) throws Exception {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
