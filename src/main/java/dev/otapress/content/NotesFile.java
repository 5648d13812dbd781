package dev.otapress.content;

import java.util.Objects;

/** A Markdown file split into its front matter and body. */
public record NotesFile(FrontMatter frontMatter, String body) {
    public NotesFile {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }
}
