package dev.otapress.content;

import dev.otapress.Diagnostic;
import dev.otapress.Utf8;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.CheckSwitches;
import dev.otapress.yaml.YamlMapping;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits index.md into YAML front matter (between {@code ---} lines) and the Markdown notes. */
public final class FrontMatterParser {
    /** Release notes are prose; anything larger is a mistake (a log or a binary pasted in). */
    static final long MAX_NOTES_BYTES = 2 * 1024 * 1024;

    private static final Set<String> KEYS = Set.of("title", "date", "channel", "draft", "version", "build", "icon", "params", "checks",
            PrunedBuild.KEY);

    /** Reads and parses a notes file; returns null, with diagnostics, when it cannot be used. */
    public NotesFile read(Path file, List<Diagnostic> diagnostics) {
        String text;
        try {
            if (Files.size(file) > MAX_NOTES_BYTES) {
                diagnostics.add(Diagnostic.error(file, "is larger than " + (MAX_NOTES_BYTES / 1024 / 1024)
                        + " MB; release notes should be short: link to long documents instead"));
                return null;
            }
            text = Utf8.read(file);
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(file, "is not UTF-8 text; save it as UTF-8 (most editors offer it under 'Save with encoding')"));
            return null;
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(file, "cannot be read: " + e.getMessage()));
            return null;
        }
        return parse(file, text, diagnostics);
    }

    public NotesFile parse(Path file, String text, List<Diagnostic> diagnostics) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!normalized.startsWith("---\n") && !normalized.equals("---")) {
            return new NotesFile(FrontMatter.EMPTY, normalized);
        }
        String[] lines = normalized.split("\n", -1);
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---") || lines[i].equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            diagnostics.add(Diagnostic.error(file, 1, "front matter opened with '---' is never closed; add a line '---' after it"));
            return null;
        }
        String yamlText = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length));
        int before = diagnostics.size();
        YamlMapping yaml = YamlMapping.parse(file, yamlText, 1, diagnostics);
        if (yaml == null) return null;
        yaml.rejectUnknownKeys(KEYS, " in front matter (free-form values go under 'params:')");

        String title = yaml.string("title");
        Instant date = instant(yaml, "date");
        String channel = yaml.string("channel");
        if (channel != null && !SiteConfig.Channel.isName(channel)) {
            yaml.error("channel", "'channel' must be a lower-case word such as stable, beta or nightly, not '" + channel + "'");
        }
        Boolean draft = yaml.bool("draft");
        String version = yaml.string("version");
        String build = yaml.string("build");
        String icon = yaml.string("icon");
        if (icon != null && (icon.contains("/") || icon.contains("\\") || icon.startsWith(".") || !icon.toLowerCase().endsWith(".png"))) {
            yaml.error("icon", "'icon' must name a .png file in this release's folder, e.g. 'icon: AppIcon.png'");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        YamlMapping p = yaml.mapping("params");
        if (p != null) for (String key : p.keys()) params.put(key, p.plain(key));
        Map<String, Boolean> checks = new LinkedHashMap<>();
        YamlMapping c = yaml.mapping("checks");
        if (c != null) {
            c.rejectUnknownKeys(CheckSwitches.KEYS, " under 'checks' (a release can turn install checks on or off)");
            for (String key : c.keys()) {
                Boolean on = c.bool(key);
                if (on != null) checks.put(key, on);
            }
        }
        PrunedBuild pruned = PrunedBuildParser.parse(yaml);
        if (diagnostics.size() > before) return null;
        FrontMatter fm = new FrontMatter(blankToNull(title), date, channel, Boolean.TRUE.equals(draft),
                blankToNull(version), blankToNull(build), blankToNull(icon), params, checks, pruned);
        return new NotesFile(fm, body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Accepts {@code 2026-11-02}, {@code 2026-11-02 14:30}, {@code 2026-11-02T14:30:00Z} and
     * offsets; a date or time without a zone is UTC, so a build is the same on every machine.
     */
    static Instant instant(YamlMapping yaml, String key) {
        String raw = yaml.string(key);
        if (raw == null) return null;
        String v = raw.strip().replace(' ', 'T');
        Instant date;
        try {
            if (v.length() == 10) {
                date = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                date = OffsetDateTime.parse(v.matches(".*[+-]\\d\\d\\d\\d$")
                        ? v.substring(0, v.length() - 2) + ":" + v.substring(v.length() - 2) : v).toInstant();
            } else {
                date = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            yaml.error(key, "'" + key + "' must be a date like 2026-11-02 or 2026-11-02T14:30:00Z, not '" + raw + "'");
            return null;
        }
        // Atom, JSON and <time> carry RFC 3339 dates, whose year has exactly four digits (in UTC).
        if (date.isBefore(FIRST_WRITABLE) || date.isAfter(LAST_WRITABLE)) {
            yaml.error(key, "'" + key + "' " + raw.strip() + " is outside the years 0000 to 9999 (in UTC) that feeds and"
                    + " listings can carry; give the release's real date, e.g. 2026-11-02");
            return null;
        }
        return date;
    }

    private static final Instant FIRST_WRITABLE = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_WRITABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");
}
