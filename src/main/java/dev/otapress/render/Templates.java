package dev.otapress.render;

import dev.otapress.Diagnostic;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Freemarker set up for pages: .ftlh templates are HTML auto-escaped, so every value from content
 * is escaped once and only rendered Markdown, handed over as markup, goes in as it is.
 */
public final class Templates {
    private final Configuration cfg;
    private final Theme theme;

    /** A template that failed, as a diagnostic naming the template file and line. */
    public static final class TemplateFailure extends Exception {
        private final Diagnostic diagnostic;

        TemplateFailure(Diagnostic diagnostic) {
            super(diagnostic.message());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    public Templates(Theme theme) throws IOException {
        this.theme = theme;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(theme.templateLoader());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Pages must not depend on the build machine's locale or zone.
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    /** Rendered Markdown (or other trusted HTML) as a value templates print without escaping. */
    public static TemplateHTMLOutputModel markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] render(String templateName, Object model) throws TemplateFailure {
        try {
            Template t = cfg.getTemplate(templateName);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TemplateNotFoundException e) {
            // Name the file that should exist, so the user knows exactly where to put it.
            throw new TemplateFailure(Diagnostic.error(java.nio.file.Path.of(theme.describe(templateName)),
                    "is missing: theme '" + theme.name() + "' has no template " + templateName
                    + "; add it to the theme, or put your own in the site's templates/ folder"));
        } catch (ParseException e) {
            throw new TemplateFailure(Diagnostic.error(java.nio.file.Path.of(theme.describe(sourceName(e.getTemplateName(), templateName))),
                    Math.max(0, e.getLineNumber()), "template syntax error: " + firstLine(e.getEditorMessage())));
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            throw new TemplateFailure(Diagnostic.error(java.nio.file.Path.of(theme.describe(sourceName(e.getTemplateSourceName(), templateName))),
                    line == null ? 0 : Math.max(0, line), "template error: " + firstLine(e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            throw new TemplateFailure(Diagnostic.error(null, "cannot read template " + templateName + ": " + e.getMessage()));
        }
    }

    private static String sourceName(String reported, String fallback) {
        return reported == null ? fallback : reported;
    }

    /**
     * FreeMarker's first line, plus the expression it points at ("==> release.nope"): the first
     * line alone ("The following has evaluated to null or missing:") does not say what failed.
     */
    private static String firstLine(String s) {
        if (s == null) return "";
        String[] lines = s.strip().split("\n");
        String summary = lines[0].strip();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("==>")) {
                int where = l.indexOf("  [in template");
                return summary + " " + (where > 0 ? l.substring(4, where) : l.substring(4)).strip();
            }
        }
        return summary;
    }
}
