package dev.otapress.render;

import dev.otapress.image.IconScaler;
import dev.otapress.media.HttpRules;

/**
 * The icon sizes written beside each manifest, with the manifest asset kind that points at each.
 * The manifest's sizes are the ones Apple's install manifest asks for; pages use sizes close to what they draw.
 */
public enum IconSize {
    DISPLAY_IMAGE(IconScaler.DISPLAY_IMAGE_SIZE, "display-image"),
    FULL_SIZE_IMAGE(IconScaler.FULL_SIZE_IMAGE_SIZE, "full-size-image"),
    /** What pages draw at 60 CSS px on 2x screens; the 512 px one is only for the manifest. */
    PAGE(HttpRules.PAGE_ICON_SIZE, null),
    /** The same on 3x screens, and the large icon of a release page. */
    PAGE_3X(HttpRules.PAGE_ICON_3X_SIZE, null);

    private final int pixels;
    private final String manifestKind;

    IconSize(int pixels, String manifestKind) {
        this.pixels = pixels;
        this.manifestKind = manifestKind;
    }

    public int pixels() {
        return pixels;
    }

    /** The {@code kind} of the manifest asset that names this icon, or null for an icon only pages use. */
    public String manifestKind() {
        return manifestKind;
    }
}
