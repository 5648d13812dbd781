package dev.otapress.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether an index.md without an .ipa beside it belongs to a pruned release: its front matter
 * has a top-level {@code pruned:} key. The scan only looks; reading the block (and reporting its
 * mistakes with file and line) is the release reader's job.
 */
final class PrunedMark {
    private PrunedMark() {
    }

    static boolean in(Path notes) {
        byte[] bytes;
        try {
            if (Files.size(notes) > FrontMatterParser.MAX_NOTES_BYTES) return false;
            bytes = Files.readAllBytes(notes);
        } catch (IOException e) {
            return false;
        }
        // Only ASCII matters here (the fences and the key), so any byte decodes.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || !lines[0].equals("---")) return false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("---") || line.equals("...")) return false;
            if (line.startsWith(PrunedBuild.KEY) && line.substring(PrunedBuild.KEY.length()).stripLeading().startsWith(":")) {
                return true;
            }
        }
        return false;
    }
}
