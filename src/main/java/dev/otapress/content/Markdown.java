package dev.otapress.content;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders release notes. Safe by default: raw HTML is shown as text, and only http, https,
 * mailto and relative links survive, since every employee's browser opens these pages.
 */
public final class Markdown implements NotesRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private final Parser parser;
    private final HtmlRenderer html;
    private final boolean unsafeHtml;

    public Markdown(boolean unsafeHtml) {
        this.unsafeHtml = unsafeHtml;
        parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer.Builder builder = HtmlRenderer.builder().extensions(EXTENSIONS);
        if (!unsafeHtml) builder.escapeHtml(true).sanitizeUrls(true).urlSanitizer(new SafeLinks());
        html = builder.build();
    }

    /** Whether raw HTML passes through (site.yaml's markdown.unsafe_html). */
    public boolean unsafeHtml() {
        return unsafeHtml;
    }

    /** The rendered notes: HTML that templates insert as markup. */
    public String toHtml(String markdown) {
        return html.render(parser.parse(markdown));
    }

    /** Notes as a release shows them, from one parse: the HTML, the excerpt and the plain text. */
    public record Rendered(String html, String excerpt, String plain) {
        public Rendered {
            java.util.Objects.requireNonNull(html, "html");
            java.util.Objects.requireNonNull(excerpt, "excerpt");
            java.util.Objects.requireNonNull(plain, "plain");
        }
    }

    /** The HTML, the excerpt (see {@link #excerpt}) and the plain text (see {@link #plain}) of notes, parsed once. */
    @Override
    public Rendered render(String markdown, int excerptChars) {
        Node doc = parser.parse(markdown);
        return new Rendered(html.render(doc), excerpt(doc, excerptChars), plain(doc));
    }

    /** The first paragraph as plain text, cut at about {@code maxChars} on a word boundary. */
    public String excerpt(String markdown, int maxChars) {
        return excerpt(parser.parse(markdown), maxChars);
    }

    private static String excerpt(Node doc, int maxChars) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph || n instanceof org.commonmark.node.ListBlock) {
                String plain = WHITESPACE.matcher(plainText(n).strip()).replaceAll(" ");
                if (plain.isEmpty()) continue;
                if (plain.length() <= maxChars) return plain;
                int cut = plain.lastIndexOf(' ', maxChars);
                return plain.substring(0, cut > maxChars / 2 ? cut : maxChars).stripTrailing() + "…";
            }
        }
        return "";
    }

    /** The whole notes as plain text, for searching. */
    public String plain(String markdown) {
        return plain(parser.parse(markdown));
    }

    private static String plain(Node doc) {
        return WHITESPACE.matcher(plainText(doc).strip()).replaceAll(" ");
    }

    /** The words a reader sees: link texts without their URLs, code without backticks. */
    private static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(ListItem item) {
                if (out.length() > 0) out.append("; ");
                visitChildren(item);
            }
        });
        return out.toString();
    }

    /** Keeps links whose scheme is harmless; any other (javascript:, data:, vbscript:…) becomes empty. */
    static final class SafeLinks implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return isSafe(url) ? url : "";
        }

        /**
         * Images must be the release's own files: the pages' Content-Security-Policy blocks any
         * other host anyway, and a remote image would tell a third party who opened the page.
         */
        @Override
        public String sanitizeImageUrl(String url) {
            return isSafe(url) && isRelative(url) ? url : "";
        }

        static boolean isRelative(String url) {
            String s = asBrowsersRead(url);
            if (s.startsWith("//")) return false;
            int colon = s.indexOf(':');
            int firstDelimiter = firstIndexOf(s, "/?#");
            return colon < 0 || firstDelimiter >= 0 && firstDelimiter < colon;
        }

        /**
         * The URL as a browser's URL parser sees it against an https page (WHATWG URL): leading
         * and trailing spaces and control characters go, tabs and line breaks go anywhere, and
         * a backslash is a slash, so {@code /\host/x.png} and {@code \/host/x.png} are {@code //host/x.png}.
         */
        static String asBrowsersRead(String url) {
            int start = 0;
            int end = url.length();
            while (start < end && url.charAt(start) <= 0x20) start++;
            while (end > start && url.charAt(end - 1) <= 0x20) end--;
            StringBuilder s = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                char c = url.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r') continue;
                s.append(c == '\\' ? '/' : c);
            }
            return s.toString();
        }

        static boolean isSafe(String url) {
            // Browsers ignore leading spaces and control characters and drop tabs and newlines
            // anywhere, so "java\tscript:" is javascript: to them: judge the URL as they read it.
            StringBuilder s = new StringBuilder();
            for (char c : url.toCharArray()) {
                if (c > 0x20 || s.length() > 0 && c == ' ') {
                    if (c != '\t' && c != '\n' && c != '\r') s.append(c);
                }
            }
            String cleaned = s.toString();
            int colon = cleaned.indexOf(':');
            if (colon < 0) return true;
            int firstDelimiter = firstIndexOf(cleaned, "/?#");
            if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // a relative path with ':' later
            String scheme = cleaned.substring(0, colon).toLowerCase(Locale.ROOT);
            return SAFE_SCHEMES.contains(scheme);
        }

        private static int firstIndexOf(String s, String chars) {
            for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
            return -1;
        }
    }
}
