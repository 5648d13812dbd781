package dev.otapress.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Scales an icon to the square sizes the install manifest and pages use. Works headless and with
 * Java2D's software loops only, so the same PNG always gives the same bytes.
 *
 * <p>Scaling happens on premultiplied pixels (no dark fringes at transparent edges), halving the
 * image step by step before a final bicubic step: one big bicubic step from 1024 to 57 would skip
 * most source pixels and alias.
 */
public final class IconScaler {

    /** The manifest's {@code display-image}. */
    public static final int DISPLAY_IMAGE_SIZE = 57;
    /** The manifest's {@code full-size-image}. */
    public static final int FULL_SIZE_IMAGE_SIZE = 512;
    /** Larger icons are refused before decoding, so a hostile PNG cannot exhaust memory. */
    public static final int MAX_SOURCE_DIMENSION = 4096;

    private final PngEncoder encoder = new PngEncoder();

    /**
     * Returns a {@code size}x{@code size} PNG of the image; a non-square image is fitted inside
     * and centred on transparency.
     *
     * @throws IOException when the bytes are not an image ImageIO can read, or one too large
     */
    public byte[] scale(byte[] image, int size) throws IOException {
        if (size <= 0 || size > MAX_SOURCE_DIMENSION) throw new IllegalArgumentException("bad icon size " + size);
        BufferedImage source = decode(image);
        int w = source.getWidth();
        int h = source.getHeight();
        double fit = (double) size / Math.max(w, h);
        int targetW = Math.max(1, (int) Math.round(w * fit));
        int targetH = Math.max(1, (int) Math.round(h * fit));

        BufferedImage current = copy(source, w, h, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        while (w / 2 >= targetW && h / 2 >= targetH && (w / 2 > targetW || h / 2 > targetH || w % 2 == 0)) {
            w /= 2;
            h /= 2;
            current = copy(current, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (w != targetW || h != targetH) {
            current = copy(current, targetW, targetH, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }

        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = square.createGraphics();
        try {
            g.drawImage(current, (size - targetW) / 2, (size - targetH) / 2, null);
        } finally {
            g.dispose();
        }
        int[] argb = square.getRGB(0, 0, size, size, null, 0, size);
        return encoder.encodeArgb(size, size, argb);
    }

    private static BufferedImage decode(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image ImageIO can read");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SOURCE_DIMENSION || h > MAX_SOURCE_DIMENSION) {
                    throw new IOException("the image is " + w + "x" + h + " pixels; at most "
                            + MAX_SOURCE_DIMENSION + " per side are accepted");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage copy(BufferedImage from, int w, int h, Object interpolation) {
        BufferedImage to = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(from, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return to;
    }
}
