package dev.otapress.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Makes PNGs for tests and sample IPAs: standard ones, and Apple's CgBI form encoded the way
 * Xcode's pngcrush does (CgBI chunk, premultiplied BGRA, raw deflate). The CgBI encoder rotates
 * through all five row filters so a decoder has to get every one of them right.
 */
public final class TestPng {
    private TestPng() {
    }

    /** A standard PNG of straight-alpha ARGB pixels, rows top to bottom. */
    public static byte[] standard(int width, int height, int[] argb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A one-colour square, standard PNG. */
    public static byte[] solid(int size, int argb) {
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, argb);
        return standard(size, size, pixels);
    }

    /** A one-colour square, CgBI PNG. */
    public static byte[] solidCgbi(int size, int argb) {
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, argb);
        return cgbi(size, size, pixels);
    }

    /** A CgBI PNG of straight-alpha ARGB pixels: premultiplied, BGRA, raw deflate. */
    public static byte[] cgbi(int width, int height, int[] argb) {
        int stride = width * 4;
        byte[] raw = new byte[height * stride];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            raw[i * 4] = (byte) premultiply(p & 0xff, a);
            raw[i * 4 + 1] = (byte) premultiply((p >>> 8) & 0xff, a);
            raw[i * 4 + 2] = (byte) premultiply((p >>> 16) & 0xff, a);
            raw[i * 4 + 3] = (byte) a;
        }
        byte[] filtered = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++) {
            int filter = y % 5;
            filtered[y * (stride + 1)] = (byte) filter;
            for (int x = 0; x < stride; x++) {
                int cur = raw[y * stride + x] & 0xff;
                int a = x >= 4 ? raw[y * stride + x - 4] & 0xff : 0;
                int b = y > 0 ? raw[(y - 1) * stride + x] & 0xff : 0;
                int c = x >= 4 && y > 0 ? raw[(y - 1) * stride + x - 4] & 0xff : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> paeth(a, b, c);
                };
                filtered[y * (stride + 1) + 1 + x] = (byte) (cur - predictor);
            }
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(filtered);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) idat.write(buf, 0, deflater.deflate(buf));
        deflater.end();
        byte[] compressed = idat.toByteArray();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "CgBI", new byte[] {0x50, 0x00, 0x20, 0x06});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        chunk(png, "IHDR", ihdr);
        // Split the data over two IDAT chunks: decoders must join them.
        int half = compressed.length / 2;
        chunk(png, "IDAT", java.util.Arrays.copyOfRange(compressed, 0, half));
        chunk(png, "IDAT", java.util.Arrays.copyOfRange(compressed, half, compressed.length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Premultiplies as Apple's tools do: rounded. */
    public static int premultiply(int c, int a) {
        return (c * a + 127) / 255;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        png.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(t);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        png.writeBytes(c);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
