package dev.otapress.content;

/** Turns a release's notes into what its pages show: {@link Markdown} does it, a cache may remember it. */
public interface NotesRenderer {
    /** The HTML, the excerpt of about {@code excerptChars} and the plain text of {@code markdown}. */
    Markdown.Rendered render(String markdown, int excerptChars);
}
