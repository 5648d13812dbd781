package dev.otapress.ipa;

import dev.otapress.image.PngEncoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns the PNGs found in an .ipa into PNGs every browser and iOS's install dialog show.
 *
 * <p>Xcode stores icons as "CgBI" PNGs: a {@code CgBI} chunk before IHDR, IDAT holding raw
 * deflate (no zlib header), pixels in BGRA order with premultiplied alpha. Standard PNGs pass
 * through untouched. The input is untrusted, so dimensions and the inflated size are bounded
 * before anything is allocated.
 */
public final class CgbiPng {

    /** Icons are at most 1024 pixels wide; this leaves room without allowing a memory bomb. */
    public static final int MAX_DIMENSION = 4096;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final PngEncoder encoder = new PngEncoder();

    /**
     * What the first chunks of a PNG say.
     *
     * @param cgbi whether it is Apple's CgBI variant
     */
    public record Header(int width, int height, int bitDepth, int colorType, int interlace, boolean cgbi) {
        public Header {
            if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image: " + width + "x" + height);
        }
    }

    /**
     * Reads the header from the start of a PNG; the first 64 bytes are enough, which lets a
     * caller compare many icons without reading them whole.
     */
    public Header header(byte[] png) throws IpaException {
        if (!isPng(png)) throw new IpaException("not a PNG image");
        boolean cgbi = false;
        int pos = SIGNATURE.length;
        while (pos + 8 <= png.length) {
            int length = readInt(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("CgBI")) {
                cgbi = true;
            } else if (type.equals("IHDR")) {
                if (length != 13 || pos + 8 + 13 > png.length) throw new IpaException("the PNG's IHDR chunk is damaged");
                int width = readInt(png, pos + 8);
                int height = readInt(png, pos + 12);
                if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
                    throw new IpaException("the PNG claims " + Integer.toUnsignedString(width) + "x"
                            + Integer.toUnsignedString(height) + " pixels; at most " + MAX_DIMENSION + " per side are accepted");
                }
                return new Header(width, height, png[pos + 16] & 0xff, png[pos + 17] & 0xff, png[pos + 20] & 0xff, cgbi);
            }
            if (length < 0 || length > png.length) break;
            pos += 12 + length;
        }
        throw new IpaException("the PNG has no IHDR chunk");
    }

    /** Whether the bytes start with the PNG signature. */
    public static boolean isPng(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) return false;
        for (int i = 0; i < SIGNATURE.length; i++) if (bytes[i] != SIGNATURE[i]) return false;
        return true;
    }

    /**
     * Returns a standard PNG: a CgBI one converted, a standard one as it is.
     *
     * @throws IpaException when the bytes are not a PNG this can read
     */
    public byte[] toStandardPng(byte[] png) throws IpaException {
        Header header = header(png);
        if (!header.cgbi()) return png;
        if (header.bitDepth() != 8 || (header.colorType() != 6 && header.colorType() != 2) || header.interlace() != 0) {
            throw new IpaException("unsupported CgBI PNG (bit depth " + header.bitDepth() + ", colour type "
                    + header.colorType() + ", interlace " + header.interlace() + ")");
        }
        int channels = header.colorType() == 6 ? 4 : 3;
        int stride = header.width() * channels;
        // At most 4096 * (1 + 4096 * 4) bytes, about 64 MB: the cap of what can be inflated.
        int expected = header.height() * (stride + 1);
        byte[] raw = inflate(idat(png), expected);
        unfilter(raw, header.height(), stride, channels);
        return encoder.encodeRgba(header.width(), header.height(), straightRgba(raw, header, channels));
    }

    private static byte[] idat(byte[] png) throws IpaException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(png.length);
        int pos = SIGNATURE.length;
        while (pos + 8 <= png.length) {
            int length = readInt(png, pos);
            if (length < 0 || pos + 12L + length > png.length) throw new IpaException("the PNG is truncated");
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) data.write(png, pos + 8, length);
            if (type.equals("IEND")) break;
            pos += 12 + length;
        }
        if (data.size() == 0) throw new IpaException("the PNG has no image data");
        return data.toByteArray();
    }

    private static byte[] inflate(byte[] compressed, int expected) throws IpaException {
        try {
            return inflate(compressed, expected, true);
        } catch (DataFormatException raw) {
            // Some tools re-save CgBI files with a zlib header; accept those too.
            try {
                return inflate(compressed, expected, false);
            } catch (DataFormatException zlib) {
                throw new IpaException("the PNG's image data is damaged (" + raw.getMessage() + ")");
            }
        }
    }

    private static byte[] inflate(byte[] compressed, int expected, boolean nowrap) throws DataFormatException, IpaException {
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[expected];
            int total = 0;
            while (total < expected && !inflater.finished()) {
                int n = inflater.inflate(out, total, expected - total);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                total += n;
            }
            if (total < expected) throw new IpaException("the PNG's image data is truncated");
            return out;
        } finally {
            inflater.end();
        }
    }

    /** Undoes the PNG row filters in place; each row keeps its leading filter byte. */
    private static void unfilter(byte[] data, int height, int stride, int bpp) throws IpaException {
        for (int y = 0; y < height; y++) {
            int row = y * (stride + 1);
            int prev = row - (stride + 1);
            int filter = data[row] & 0xff;
            for (int x = 0; x < stride; x++) {
                int i = row + 1 + x;
                int a = x >= bpp ? data[i - bpp] & 0xff : 0;
                int b = y > 0 ? data[prev + 1 + x] & 0xff : 0;
                int c = x >= bpp && y > 0 ? data[prev + 1 + x - bpp] & 0xff : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    case 4 -> paeth(a, b, c);
                    default -> throw new IpaException("the PNG uses an unknown row filter " + filter);
                };
                data[i] = (byte) (data[i] + predictor);
            }
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    /** BGR(A) with premultiplied alpha, filter bytes included, to straight RGBA. */
    private static byte[] straightRgba(byte[] data, Header header, int channels) {
        int width = header.width();
        byte[] rgba = new byte[width * header.height() * 4];
        for (int y = 0; y < header.height(); y++) {
            int in = y * (width * channels + 1) + 1;
            for (int x = 0; x < width; x++, in += channels) {
                int o = (y * width + x) * 4;
                int blue = data[in] & 0xff;
                int green = data[in + 1] & 0xff;
                int red = data[in + 2] & 0xff;
                int alpha = channels == 4 ? data[in + 3] & 0xff : 255;
                if (alpha > 0 && alpha < 255) {
                    red = unpremultiply(red, alpha);
                    green = unpremultiply(green, alpha);
                    blue = unpremultiply(blue, alpha);
                }
                rgba[o] = (byte) red;
                rgba[o + 1] = (byte) green;
                rgba[o + 2] = (byte) blue;
                rgba[o + 3] = (byte) alpha;
            }
        }
        return rgba;
    }

    private static int unpremultiply(int c, int a) {
        return Math.min(255, (c * 255 + a / 2) / a);
    }

    private static int readInt(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
    }
}
