package dev.otapress.image;

import dev.otapress.testing.TestPng;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scaling and the placeholder: sizes, colours, headless operation and byte-identical output. */
class IconImagesTest {

    private final IconScaler scaler = new IconScaler();
    private final PlaceholderIcon placeholder = new PlaceholderIcon();

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs with -Djava.awt.headless=true");
    }

    @Test
    void scalesToTheManifestSizesKeepingTheColour() throws Exception {
        byte[] source = TestPng.solid(180, 0xFF2266AA);
        for (int size : new int[] {IconScaler.DISPLAY_IMAGE_SIZE, IconScaler.FULL_SIZE_IMAGE_SIZE}) {
            BufferedImage image = decode(scaler.scale(source, size));
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
            assertEquals(0xFF2266AA, image.getRGB(size / 2, size / 2));
            assertEquals(0xFF2266AA, image.getRGB(0, 0));
        }
    }

    @Test
    void doesNotDarkenSemiTransparentEdges() throws Exception {
        BufferedImage image = decode(scaler.scale(TestPng.solid(1024, 0x80FFFFFF), 57));
        int p = image.getRGB(28, 28);
        assertEquals(0x80, p >>> 24, 0x02);
        assertEquals(0xFF, (p >>> 16) & 0xff, 2);
    }

    @Test
    void fitsANonSquareImageOnTransparency() throws Exception {
        int[] pixels = new int[200 * 100];
        java.util.Arrays.fill(pixels, 0xFF00AA00);
        BufferedImage image = decode(scaler.scale(TestPng.standard(200, 100, pixels), 100));
        assertEquals(0, image.getRGB(50, 5) >>> 24, "above the image is transparent");
        assertEquals(0xFF00AA00, image.getRGB(50, 50));
    }

    @Test
    void scalingIsDeterministic() throws Exception {
        int[] pixels = new int[300 * 300];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761L % 0xFFFFFF == 0 ? 0 : 0xC0000000) | (i * 7919 & 0xFFFFFF);
        byte[] source = TestPng.standard(300, 300, pixels);
        assertArrayEquals(scaler.scale(source, 57), new IconScaler().scale(source.clone(), 57));
        assertArrayEquals(scaler.scale(source, 512), new IconScaler().scale(source.clone(), 512));
    }

    @Test
    void refusesWhatIsNotAnImage() {
        assertThrows(IOException.class, () -> scaler.scale(new byte[] {1, 2, 3, 4}, 57));
    }

    @Test
    void placeholderShowsTheInitialOnANeutralSquare() throws Exception {
        for (int size : new int[] {57, 512}) {
            BufferedImage image = decode(placeholder.render("field service", size));
            assertEquals(size, image.getWidth());
            int background = image.getRGB(0, 0);
            assertEquals(0xFF, background >>> 24);
            assertEquals(background, image.getRGB(size - 1, size - 1));
            // F's top bar: the first glyph row is ink over the whole width.
            int cell = size / 2 / 7;
            int left = (size - 5 * cell) / 2;
            int top = (size - 7 * cell) / 2;
            assertEquals(0xFFFFFFFF, image.getRGB(left + cell / 2, top + cell / 2));
            assertEquals(0xFFFFFFFF, image.getRGB(left + 4 * cell + cell / 2, top + cell / 2));
            // ... and the lower right of an F is empty.
            assertEquals(background, image.getRGB(left + 4 * cell + cell / 2, top + 6 * cell + cell / 2));
        }
    }

    @Test
    void placeholderDependsOnTheInitialOnlyAndIsDeterministic() {
        assertArrayEquals(placeholder.render("Field", 57), new PlaceholderIcon().render("field app", 57));
        assertArrayEquals(placeholder.render("Émile", 57), placeholder.render("Emile", 57));
        assertNotEquals(java.util.Arrays.hashCode(placeholder.render("Field", 57)),
                java.util.Arrays.hashCode(placeholder.render("Gauge", 57)));
    }

    @Test
    void placeholderWithoutALetterShowsAPlainMark() throws Exception {
        byte[] png = placeholder.render("日本語", 57);
        assertArrayEquals(png, placeholder.render("", 57));
        BufferedImage image = decode(png);
        assertEquals(0xFFFFFFFF, image.getRGB(28, 28));
        assertFalse(image.getRGB(0, 0) == 0xFFFFFFFF);
        assertEquals('7', PlaceholderIcon.initial("  7 Minute Workout"));
    }
}
