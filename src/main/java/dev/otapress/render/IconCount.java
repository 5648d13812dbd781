package dev.otapress.render;

/**
 * Icon work of a build: every release asks for each icon size, but each distinct icon is scaled
 * once per size.
 *
 * @param files    icon files written
 * @param scalings scalings and encodings done for them
 */
public record IconCount(int files, int scalings) {
}
