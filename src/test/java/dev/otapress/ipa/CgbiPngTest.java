package dev.otapress.ipa;

import dev.otapress.testing.TestPng;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgbiPngTest {

    private final CgbiPng converter = new CgbiPng();

    /** Opaque colours, every alpha step on a few colours, and fully transparent pixels. */
    private static int[] testPixels(int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 37 + y * 11) & 0xff;
                int g = (x * 5 + y * 53) & 0xff;
                int b = (x * y * 7 + 13) & 0xff;
                int a = switch (y % 4) {
                    case 0 -> 255;
                    case 1 -> (x * 9 + y) & 0xff;
                    case 2 -> x % 3 == 0 ? 0 : 128;
                    default -> 1 + (x * 3) % 254;
                };
                argb[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    @Test
    void convertsCgbiPixelByPixel() throws Exception {
        int width = 29;
        int height = 23;
        int[] expected = testPixels(width, height);
        byte[] cgbi = TestPng.cgbi(width, height, expected);
        CgbiPng.Header header = converter.header(cgbi);
        assertTrue(header.cgbi());
        assertEquals(width, header.width());

        byte[] png = converter.toStandardPng(cgbi);
        assertFalse(converter.header(png).cgbi());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int want = expected[y * width + x];
                int got = image.getRGB(x, y);
                int alpha = want >>> 24;
                assertEquals(alpha, got >>> 24, "alpha at " + x + "," + y);
                if (alpha == 0) continue;
                // Premultiplying to 8 bits loses up to 255/(2a) per channel; opaque pixels are exact.
                double tolerance = alpha == 255 ? 0 : Math.ceil(255.0 / (2 * alpha)) + 1;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int w = (want >>> shift) & 0xff;
                    int g = (got >>> shift) & 0xff;
                    assertTrue(Math.abs(w - g) <= tolerance, "channel " + shift + " at " + x + "," + y
                            + ": expected " + w + " got " + g + " (alpha " + alpha + ")");
                }
            }
        }
    }

    @Test
    void unpremultipliesWithTheDocumentedRounding() throws Exception {
        // Premultiplied BGRA (10, 20, 30, 64) must become RGBA (min(255,(30*255+32)/64), ...).
        int[] pixel = {64 << 24 | 120 << 16 | 80 << 8 | 40};
        byte[] png = converter.toStandardPng(TestPng.cgbi(1, 1, pixel));
        int got = ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0);
        int premultipliedRed = TestPng.premultiply(120, 64);
        assertEquals(Math.min(255, (premultipliedRed * 255 + 32) / 64), (got >>> 16) & 0xff);
    }

    @Test
    void passesStandardPngsThrough() throws Exception {
        byte[] png = TestPng.solid(16, 0xFF336699);
        assertSame(png, converter.toStandardPng(png));
        assertFalse(converter.header(png).cgbi());
    }

    @Test
    void refusesHugeDimensionsBeforeAllocating() {
        byte[] cgbi = TestPng.cgbi(2, 2, new int[4]);
        // IHDR width starts after signature (8), the CgBI chunk (16), IHDR length and type (8).
        byte[] huge = cgbi.clone();
        huge[32] = 0x00;
        huge[33] = 0x10;
        huge[34] = 0x00;
        huge[35] = 0x00;
        IpaException e = assertThrows(IpaException.class, () -> converter.toStandardPng(huge));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void refusesTruncatedImageData() {
        byte[] cgbi = TestPng.cgbi(40, 40, testPixels(40, 40));
        byte[] truncated = Arrays.copyOf(cgbi, cgbi.length - 40);
        assertThrows(IpaException.class, () -> converter.toStandardPng(truncated));
    }

    @Test
    void refusesSomethingThatIsNotAPng() {
        IpaException e = assertThrows(IpaException.class, () -> converter.toStandardPng(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("not a PNG"), e.getMessage());
    }

    @Test
    void conversionIsDeterministic() throws Exception {
        byte[] cgbi = TestPng.cgbi(20, 20, testPixels(20, 20));
        assertArrayEquals(converter.toStandardPng(cgbi), new CgbiPng().toStandardPng(cgbi.clone()));
    }
}
