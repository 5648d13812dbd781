/**
 * {@code otapress serve}: a local preview that rebuilds on change and reloads open pages. It
 * builds into a folder of its own, never public/, so a preview can never be deployed by mistake.
 */
package dev.otapress.serve;
