package dev.otapress.render;

import dev.otapress.cache.CodeStamp;
import dev.otapress.cache.PreviousOutput;
import dev.otapress.output.OutputFile;
import freemarker.template.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Takes a file over from the previous output when everything it is made from is unchanged, instead
 * of making it again. For a page that is a digest ({@link ModelDigest}) of its whole model (which
 * holds every clock-dependent verdict the page prints, decided on this build), the template's name,
 * the bytes of every template the theme can load, and otapress's own code; for an icon, the bytes
 * it is scaled from and its size. The previous file is linked only while its stamp shows it is as
 * that build wrote it ({@link PreviousOutput}). A theme that reads the clock itself ({@code .now})
 * is never reused from.
 */
final class PageReuse {
    /** Bump when what a page is made from changes outside the model and the templates (Freemarker's settings). */
    static final int FORMAT = 1;

    private final PreviousOutput previous;
    private final ModelDigest models = new ModelDigest();
    /** What every page's bytes depend on besides its model; null when pages cannot be reused. */
    private final String pageKey;
    private final String codeKey;

    private PageReuse(PreviousOutput previous, String pageKey, String codeKey) {
        this.previous = previous;
        this.pageKey = pageKey;
        this.codeKey = codeKey;
    }

    static PageReuse of(PreviousOutput previous, Theme theme) {
        if (previous == null || theme == null) return new PageReuse(null, null, null);
        String code = codeKey();
        if (code == null) return new PageReuse(null, null, null);
        return new PageReuse(previous, templatesKey(theme, code), code);
    }

    /** The previous build's copy of a page made from this model with this template, or null. */
    OutputFile page(String path, String template, PageModel model) {
        if (pageKey == null) return null;
        String digest = models.of(pageKey + "\n" + template + "\n", model);
        return digest == null ? null : earlier(path, digest);
    }

    /** The previous build's copy of a file made by otapress's own code from inputs with this digest, or null. */
    OutputFile made(String path, String inputs) {
        if (codeKey == null) return null;
        return earlier(path, sha256((codeKey + "\n" + inputs).getBytes(StandardCharsets.UTF_8)));
    }

    private OutputFile earlier(String path, String digest) {
        Path file = previous.reusable(path, digest);
        return file == null ? null : new OutputFile.Linked(path, file, previous.recordedSize(path));
    }

    /** otapress's code as it runs ({@link CodeStamp}) with Freemarker's settings, or null when it is unknown. */
    private static String codeKey() {
        String code = CodeStamp.current();
        return code == null ? null : "otapress " + FORMAT + " " + Configuration.getVersion() + " " + code;
    }

    private static String templatesKey(Theme theme, String code) {
        MessageDigest md = sha256Digest();
        md.update(code.getBytes(StandardCharsets.UTF_8));
        try {
            if (theme.readsClock()) return null;
            theme.templateSources((name, bytes) -> {
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                md.update(length(n.length));
                md.update(n);
                md.update(length(bytes.length));
                md.update(bytes);
            });
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
