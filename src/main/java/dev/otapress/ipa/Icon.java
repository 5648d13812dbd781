package dev.otapress.ipa;

import java.util.Arrays;
import java.util.Objects;

/**
 * The app icon picked from the .app folder.
 *
 * @param source the zip entry it came from, e.g. {@code Payload/App.app/AppIcon60x60@2x.png}
 * @param width  its width in pixels, from the PNG header
 * @param height its height in pixels
 * @param cgbi   whether the file in the .ipa was Apple's CgBI variant (now converted)
 * @param png    a standard PNG, ready for browsers and the install dialog
 */
public record Icon(String source, int width, int height, boolean cgbi, byte[] png) {

    /**
     * The largest icon PNG read, from an .ipa or a release folder. The largest icon is 1024x1024: even
     * stored without compression (4 MB of RGBA) its PNG stays under this.
     */
    public static final int MAX_PNG_BYTES = 8 * 1024 * 1024;

    public Icon {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(png, "png");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty icon: " + width + "x" + height);
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    // A record compares arrays by reference; icons are values, so compare the pixels' bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof Icon other && source.equals(other.source) && width == other.width
                && height == other.height && cgbi == other.cgbi && Arrays.equals(png, other.png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, width, height, cgbi, Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "Icon[source=" + source + ", " + width + "x" + height + (cgbi ? ", CgBI" : "") + ", " + png.length + " bytes]";
    }
}
