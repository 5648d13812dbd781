package dev.otapress.content;

import java.util.Objects;

/**
 * A Markdown file split into its front matter and body.
 *
 * @param bodyFirstLine the 1-based line on which the Markdown body starts
 */
public record NotesFile(FrontMatter frontMatter, String body, int bodyFirstLine) {
    public NotesFile {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }
}
