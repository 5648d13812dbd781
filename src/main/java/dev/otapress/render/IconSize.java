package dev.otapress.render;

import dev.otapress.image.IconScaler;

/**
 * The icon sizes written beside each manifest, with the manifest asset kind that points at each.
 * The sizes are the ones Apple's install manifest asks for; pages link the larger one.
 */
public enum IconSize {
    DISPLAY_IMAGE(IconScaler.DISPLAY_IMAGE_SIZE, "display-image"),
    FULL_SIZE_IMAGE(IconScaler.FULL_SIZE_IMAGE_SIZE, "full-size-image");

    private final int pixels;
    private final String manifestKind;

    IconSize(int pixels, String manifestKind) {
        this.pixels = pixels;
        this.manifestKind = manifestKind;
    }

    public int pixels() {
        return pixels;
    }

    /** The {@code kind} of the manifest asset that names this icon. */
    public String manifestKind() {
        return manifestKind;
    }
}
