package dev.otapress.media;

import java.util.List;
import java.util.Objects;

/**
 * A media type and the file name suffixes it is served for.
 *
 * @param name     the type without parameters, e.g. {@code image/svg+xml}
 * @param text     whether the Content-Type carries {@code charset=utf-8}
 * @param document whether a browser that navigates to it renders it as a document that can run
 *                 script (HTML, XHTML, SVG, XML with a stylesheet, PDF): such an author file is sent
 *                 as an attachment
 * @param suffixes lower-case file name suffixes without the dot
 */
public record MediaType(String name, boolean text, boolean document, List<String> suffixes) {

    public MediaType {
        Objects.requireNonNull(name, "name");
        suffixes = List.copyOf(suffixes);
        if (!name.matches("[a-z]+/[a-z0-9.+-]+")) throw new IllegalArgumentException("not a media type: " + name);
        for (String s : suffixes) {
            if (!s.matches("[a-z0-9]+")) throw new IllegalArgumentException("suffix must be lower-case letters and digits: " + s);
        }
    }

    /** The Content-Type header value, e.g. {@code text/html; charset=utf-8}. */
    public String contentType() {
        return text ? name + "; charset=utf-8" : name;
    }
}
