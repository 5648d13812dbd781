package dev.otapress.hostile;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;

/** Hand-made archives that {@code TestIpa} deliberately cannot produce: broken, lying or hostile ones. */
final class Zips {
    private Zips() {
    }

    /** A zip of exactly these entries, in this order, deflated. */
    static byte[] of(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding("UTF-8");
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] binaryPlist(NSDictionary dict) {
        try {
            return BinaryPropertyListWriter.writeToArray(dict);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A zip bomb: one entry whose local header and central directory both claim {@code claimedSize}
     * bytes while its deflated data expands to {@code realSize} zero bytes.
     */
    static byte[] lyingEntry(String name, long realSize, int claimedSize) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (long left = realSize; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) compressed.write(buf, 0, deflater.deflate(buf));
        }
        deflater.finish();
        while (!deflater.finished()) compressed.write(buf, 0, deflater.deflate(buf));
        deflater.end();
        byte[] data = compressed.toByteArray();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        // CRC of the claimed content; nothing may get far enough to check it.
        int crc = 0;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int localOffset = 0;
        le32(out, 0x04034b50);
        le16(out, 20);
        le16(out, 0x0800);
        le16(out, 8);
        le16(out, 0);
        le16(out, 0x21);
        le32(out, crc);
        le32(out, data.length);
        le32(out, claimedSize);
        le16(out, nameBytes.length);
        le16(out, 0);
        out.writeBytes(nameBytes);
        out.writeBytes(data);
        int cdOffset = out.size();
        le32(out, 0x02014b50);
        le16(out, 20);
        le16(out, 20);
        le16(out, 0x0800);
        le16(out, 8);
        le16(out, 0);
        le16(out, 0x21);
        le32(out, crc);
        le32(out, data.length);
        le32(out, claimedSize);
        le16(out, nameBytes.length);
        le16(out, 0);
        le16(out, 0);
        le16(out, 0);
        le16(out, 0);
        le32(out, 0);
        le32(out, localOffset);
        out.writeBytes(nameBytes);
        int cdSize = out.size() - cdOffset;
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, 1);
        le16(out, 1);
        le32(out, cdSize);
        le32(out, cdOffset);
        le16(out, 0);
        return out.toByteArray();
    }

    private static void le16(OutputStream out, int v) {
        try {
            out.write(v & 0xff);
            out.write((v >>> 8) & 0xff);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void le32(OutputStream out, int v) {
        le16(out, v & 0xffff);
        le16(out, (v >>> 16) & 0xffff);
    }

    /** Replaces every occurrence of {@code from} with {@code to} (same length), e.g. to corrupt entry names. */
    static byte[] replaceAll(byte[] bytes, byte[] from, byte[] to) {
        byte[] copy = bytes.clone();
        int found = 0;
        outer:
        for (int i = 0; i + from.length <= copy.length; i++) {
            for (int j = 0; j < from.length; j++) if (copy[i + j] != from[j]) continue outer;
            System.arraycopy(to, 0, copy, i, to.length);
            found++;
        }
        if (found == 0) throw new IllegalStateException("pattern not found");
        return copy;
    }
}
