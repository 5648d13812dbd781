package dev.otapress.ipa;

import java.io.IOException;
import java.util.List;

/**
 * The files of the main .app folder as the finders of icons and nested bundles see them: names
 * relative to the folder, and bounded reads. It keeps those finders away from zip details and
 * lets the reader open the archive once for everything.
 */
interface BundleFiles {

    /** Every file under the .app folder, relative to it ({@code PlugIns/A.appex/Info.plist}). */
    List<String> names();

    /** Up to {@code bytes} bytes from the start of a file (fewer if it is shorter). */
    byte[] head(String name, int bytes) throws IOException;

    /** The whole file; refuses one larger than {@code cap}. */
    byte[] read(String name, int cap) throws IOException, IpaException;
}
