package dev.otapress.image;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws the icon shown for an app whose .ipa carries none: the app's initial in white on a
 * neutral slate square.
 *
 * <p>The letter comes from a built-in 5x7 pixel font and is written straight into the pixel
 * array: no fonts (a fresh server may have none), no Java2D text rendering (it differs between
 * machines), so the bytes are the same everywhere.
 */
public final class PlaceholderIcon {

    private static final int BACKGROUND = 0xFF5B6573;
    private static final int FOREGROUND = 0xFFFFFFFF;
    private static final int GLYPH_COLUMNS = 5;
    private static final int GLYPH_ROWS = 7;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** One string per character of {@link #ALPHABET}: 7 rows of 5 pixels, {@code #} is ink. */
    private static final List<String> GLYPHS = List.of(
            ".###.#...##...#######...##...##...#", "####.#...##...#####.#...##...#####.",
            ".###.#...##....#....#....#...#.###.", "###..#..#.#...##...##...##..#.###..",
            "######....#....####.#....#....#####", "######....#....####.#....#....#....",
            ".###.#...##....#.####...##...#.####", "#...##...##...#######...##...##...#",
            ".###...#....#....#....#....#...###.", "..###...#....#....#....#.#..#..##..",
            "#...##..#.#.#..##...#.#..#..#.#...#", "#....#....#....#....#....#....#####",
            "#...###.###.#.##.#.##...##...##...#", "#...##...###..##.#.##..###...##...#",
            ".###.#...##...##...##...##...#.###.", "####.#...##...#####.#....#....#....",
            ".###.#...##...##...##.#.##..#..##.#", "####.#...##...#####.#.#..#..#.#...#",
            ".#####....#.....###.....#....#####.", "#####..#....#....#....#....#....#..",
            "#...##...##...##...##...##...#.###.", "#...##...##...##...##...#.#.#...#..",
            "#...##...##...##.#.##.#.##.#.#.#.#.", "#...##...#.#.#...#...#.#.#...##...#",
            "#...##...##...#.#.#...#....#....#..", "#####....#...#...#...#...#....#####",
            ".###.#...##..###.#.###..##...#.###.", "..#...##....#....#....#....#...###.",
            ".###.#...#....#...#...#...#...#####", "#####...#...#.....#.....##...#.###.",
            "...#...##..#.#.#..#.#####...#....#.", "######....####.....#....##...#.###.",
            "..##..#...#....####.#...##...#.###.", "#####....#...#...#...#....#....#...",
            ".###.#...##...#.###.#...##...#.###.", ".###.#...##...#.####....#...#..##..");

    private final PngEncoder encoder = new PngEncoder();

    /** A {@code size}x{@code size} PNG showing the first letter or digit of {@code appName}. */
    public byte[] render(String appName, int size) {
        if (size < GLYPH_ROWS + 2 || size > IconScaler.MAX_SOURCE_DIMENSION) {
            throw new IllegalArgumentException("bad icon size " + size);
        }
        int[] argb = new int[size * size];
        Arrays.fill(argb, BACKGROUND);
        int cell = Math.max(1, size / 2 / GLYPH_ROWS);
        String glyph = glyphFor(initial(appName));
        if (glyph == null) {
            // No letter or digit to show: a plain centred square keeps the tile from looking broken.
            int side = Math.max(2, size / 5);
            fill(argb, size, (size - side) / 2, (size - side) / 2, side, side);
        } else {
            int left = (size - GLYPH_COLUMNS * cell) / 2;
            int top = (size - GLYPH_ROWS * cell) / 2;
            for (int row = 0; row < GLYPH_ROWS; row++) {
                for (int col = 0; col < GLYPH_COLUMNS; col++) {
                    if (glyph.charAt(row * GLYPH_COLUMNS + col) == '#') {
                        fill(argb, size, left + col * cell, top + row * cell, cell, cell);
                    }
                }
            }
        }
        return encoder.encodeArgb(size, size, argb);
    }

    /**
     * The first ASCII letter or digit of the name, accents removed ({@code É} → {@code E}), or 0
     * when there is none (e.g. a name in Japanese).
     */
    static char initial(String appName) {
        if (appName == null) return 0;
        String plain = Normalizer.normalize(appName, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (ALPHABET.indexOf(c) >= 0) return c;
        }
        return 0;
    }

    private static String glyphFor(char c) {
        int index = c == 0 ? -1 : ALPHABET.indexOf(c);
        return index < 0 ? null : GLYPHS.get(index);
    }

    private static void fill(int[] argb, int size, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) argb[y * size + x] = FOREGROUND;
        }
    }
}
