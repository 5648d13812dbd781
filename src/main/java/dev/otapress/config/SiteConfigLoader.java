package dev.otapress.config;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.Utf8;
import dev.otapress.yaml.DidYouMean;
import dev.otapress.yaml.YamlMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads site.yaml into a {@link SiteConfig}, reporting every mistake at once. */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yaml";
    /** Stands in for a base_url that is missing or wrong while the rest of site.yaml is checked. */
    private static final BaseUrl UNKNOWN_BASE_URL = BaseUrl.of("https://base-url.invalid/");

    private static final Set<String> TOP_KEYS = Set.of("title", "base_url", "description", "theme", "markdown", "channels", "checks",
            "default_channel", "device_registration", "udid_check", "udid_salt", "release_folder",
            "downloads_base_url", "team_ids", "prune");
    private static final Set<String> MARKDOWN_KEYS = Set.of("unsafe_html");
    private static final Set<String> CHANNEL_KEYS = Set.of("name", "label");
    private static final Set<String> PRUNE_KEYS = Set.of("keep", "older_than_days", "channels");
    private static final Set<String> CHECK_KEYS = Set.of("app_store_build", "expired_profile", "bundle_id_mismatch",
            "missing_profile", "expiry_warning_days", "code_seal", "signer", "old_signature");

    /** Every top-level key site.yaml may hold (otapress init writes each of them, commented). */
    public static Set<String> topKeys() {
        return TOP_KEYS;
    }

    /** Every key under checks:. */
    public static Set<String> checkKeys() {
        return CHECK_KEYS;
    }

    /**
     * @param baseUrlOverride a base URL from the command line that replaces the file's, or null
     */
    public SiteConfig load(Path siteDir, String baseUrlOverride) throws BuildException {
        return loadAll(siteDir, baseUrlOverride).orThrow();
    }

    /** Like {@link #load}, but returns what can be used of a file with mistakes. */
    public Loaded loadAll(Path siteDir, String baseUrlOverride) {
        Path file = siteDir.resolve(FILE_NAME);
        String text;
        try {
            text = Utf8.read(file);
        } catch (NoSuchFileException e) {
            Path yml = siteDir.resolve("site.yml");
            return new Loaded(null, List.of(Diagnostic.error(file, Files.exists(yml)
                    ? "not found, but there is a site.yml: otapress reads site.yaml; rename it (git mv site.yml site.yaml)"
                    : "not found; every site needs a site.yaml with at least"
                    + " 'title:' and 'base_url:' (or pass --site to point at the site folder)")));
        } catch (CharacterCodingException e) {
            return new Loaded(null, List.of(Diagnostic.error(file, "is not UTF-8 text; save it as UTF-8")));
        } catch (IOException e) {
            return new Loaded(null, List.of(Diagnostic.error(file, "cannot be read: " + e.getMessage())));
        }
        return parseAll(file, text, baseUrlOverride);
    }

    public SiteConfig parse(Path file, String text, String baseUrlOverride) throws BuildException {
        return parseAll(file, text, baseUrlOverride).orThrow();
    }

    /**
     * site.yaml read as far as it can be: every mistake, and the config with each wrong key at its
     * default (null only when the file cannot be read or parsed at all).
     */
    public record Loaded(SiteConfig config, List<Diagnostic> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }

        public SiteConfig orThrow() throws BuildException {
            if (!problems.isEmpty()) throw new BuildException(problems);
            return config;
        }
    }

    private Loaded parseAll(Path file, String text, String baseUrlOverride) {
        List<Diagnostic> problems = new ArrayList<>();
        YamlMapping yaml = YamlMapping.parse(file, text, 0, problems);
        if (yaml == null) return new Loaded(null, problems);
        yaml.rejectUnknownKeys(TOP_KEYS, "");

        String title = yaml.string("title");
        if (title == null || title.isBlank()) {
            problems.add(Diagnostic.error(file, yaml.line("title"), "'title' is missing; add a line such as 'title: Acme iOS Builds'"));
        }
        BaseUrl baseUrl = null;
        if (baseUrlOverride != null) {
            baseUrl = baseUrl(baseUrlOverride, problems, msg -> Diagnostic.error(null, "--base-url " + msg));
        } else if (yaml.string("base_url") == null) {
            problems.add(Diagnostic.error(file, yaml.line("base_url"), "'base_url' is missing; add the https address the portal"
                    + " is served from, e.g. 'base_url: https://apps.example.com/ios/'"));
        } else {
            baseUrl = baseUrl(yaml.string("base_url"), problems, msg -> Diagnostic.error(file, yaml.line("base_url"), "'base_url' " + msg));
        }

        BaseUrl downloadsBaseUrl = yaml.string("downloads_base_url") == null ? null
                : baseUrl(yaml.string("downloads_base_url"), problems,
                        msg -> Diagnostic.error(file, yaml.line("downloads_base_url"), "'downloads_base_url' " + msg));

        String description = yaml.string("description");
        String theme = yaml.string("theme");
        if (theme != null && !theme.matches("[A-Za-z0-9._-]+")) {
            yaml.error("theme", "'theme' must be the name of a folder under themes/, not a path");
            theme = null;
        }

        boolean unsafeHtml = false;
        YamlMapping markdown = yaml.mapping("markdown");
        if (markdown != null) {
            markdown.rejectUnknownKeys(MARKDOWN_KEYS, " under 'markdown'");
            unsafeHtml = Boolean.TRUE.equals(markdown.bool("unsafe_html"));
        }

        List<SiteConfig.Channel> channels = channels(yaml);
        CheckSwitches checks = checks(yaml).withTeamIds(teamIds(yaml));
        String rawDefault = yaml.string("default_channel");
        if (rawDefault != null && !SiteConfig.Channel.isName(rawDefault)) {
            yaml.error("default_channel", "'default_channel' must be a channel name such as stable or beta");
            rawDefault = null;
        }
        String defaultChannel = rawDefault;
        if (defaultChannel != null && !channels.isEmpty() && channels.stream().noneMatch(c -> c.name().equals(defaultChannel))) {
            yaml.error("default_channel", "'default_channel: " + defaultChannel + "' is not one of the channels under 'channels:'"
                    + " (" + String.join(", ", channels.stream().map(SiteConfig.Channel::name).toList()) + "); add it there or name one of them");
        }
        String registration = yaml.string("device_registration");
        Boolean udidCheck = yaml.bool("udid_check");
        String salt = yaml.string("udid_salt");
        String releaseFolder = yaml.string("release_folder");
        String folderProblem = releaseFolder == null ? null : ReleaseFolderPattern.problem(releaseFolder.strip());
        if (folderProblem != null) {
            yaml.error("release_folder", "'release_folder' " + folderProblem);
            releaseFolder = null;
        }

        PrunePolicy prune = prune(yaml, channels);

        SiteConfig config = null;
        try {
            // Keys that are wrong take their defaults, so that the rest of the file (checks:, channels:)
            // still applies while the build reports the mistakes: one wrong key must not cascade.
            BaseUrl url = baseUrl != null ? baseUrl : UNKNOWN_BASE_URL;
            config = new SiteConfig(title == null || title.isBlank() ? "" : title.strip(), url,
                    description == null ? "" : description.strip(),
                    theme == null ? "default" : theme, new SiteConfig.MarkdownOptions(unsafeHtml),
                    channels, checks, defaultChannel == null ? SiteConfig.Channel.STABLE.name() : defaultChannel,
                    registration == null ? "" : registration.strip(), !Boolean.FALSE.equals(udidCheck),
                    salt == null || salt.isBlank() ? url.toString() : salt.strip(),
                    releaseFolder == null ? ReleaseFolderPattern.DEFAULT : releaseFolder.strip(),
                    downloadsBaseUrl, prune);
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.error(file, e.getMessage()));
        }
        return new Loaded(config, problems);
    }

    private static List<SiteConfig.Channel> channels(YamlMapping yaml) {
        List<SiteConfig.Channel> channels = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (YamlMapping c : yaml.mappings("channels")) {
            c.rejectUnknownKeys(CHANNEL_KEYS, " in a channel");
            String name = c.string("name");
            if (!SiteConfig.Channel.isName(name)) {
                c.error("name", "a channel needs a 'name' of lower-case letters, digits, '-' or '_' (e.g. 'beta')");
                continue;
            }
            if (!seen.add(name)) {
                c.error("name", "channel '" + name + "' is listed twice");
                continue;
            }
            String label = c.string("label");
            channels.add(label == null || label.isBlank() ? SiteConfig.Channel.named(name) : new SiteConfig.Channel(name, label.strip()));
        }
        return channels;
    }

    /**
     * {@code prune:}, the retention policy {@code otapress prune} applies when no rule is given on
     * its command line; null when absent or wrong (each mistake reported with its line).
     */
    private static PrunePolicy prune(YamlMapping yaml, List<SiteConfig.Channel> declared) {
        YamlMapping p = yaml.mapping("prune");
        if (p == null) return null;
        p.rejectUnknownKeys(PRUNE_KEYS, " under 'prune'");
        Integer keep = p.integer("keep");
        boolean ok = true;
        if (keep != null && keep < 1) {
            p.error("keep", "'keep' must be 1 or more: the newest release of each app and channel always keeps its .ipa");
            ok = false;
        }
        Integer days = p.integer("older_than_days");
        if (days != null && days < 1) {
            p.error("older_than_days", "'older_than_days' must be 1 or more");
            ok = false;
        }
        if (!p.keys().contains("keep") && !p.keys().contains("older_than_days")) {
            yaml.error("prune", "'prune' needs 'keep' (how many of the newest releases of each app and channel keep their"
                    + " .ipa) or 'older_than_days' (only older releases lose it), or both, e.g. 'prune: {keep: 30}'");
            ok = false;
        }
        List<String> channels = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (SiteConfig.Channel c : declared) names.add(c.name());
        for (String c : p.strings("channels")) {
            if (!SiteConfig.Channel.isName(c)) {
                p.error("channels", "'channels' lists '" + c + "', which is not a channel name such as nightly or beta");
                ok = false;
            } else if (!names.isEmpty() && !names.contains(c)) {
                String suggestion = DidYouMean.closest(c, names);
                p.error("channels", "'channels' lists '" + c + "', which is not one of the channels under 'channels:' ("
                        + String.join(", ", names) + ")" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
                ok = false;
            } else if (!channels.contains(c)) {
                channels.add(c);
            }
        }
        if (!ok || (keep == null && days == null)) return null;
        return new PrunePolicy(keep, days, channels);
    }

    /** {@code team_ids}: one id or a list of them, each Apple's ten-character team identifier. */
    private static List<String> teamIds(YamlMapping yaml) {
        Object raw = yaml.plain("team_ids");
        if (raw == null) return List.of();
        List<?> items = raw instanceof List<?> list ? list : List.of(raw);
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            String id = item instanceof String s ? s.strip() : "";
            if (!id.matches("[A-Z0-9]{10}")) {
                yaml.error("team_ids", "'team_ids' lists '" + item + "', which is not a team identifier: write Apple's"
                        + " ten-character team ids (developer.apple.com › Membership), e.g. team_ids: [ABCDE12345]");
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static CheckSwitches checks(YamlMapping yaml) {
        YamlMapping c = yaml.mapping("checks");
        if (c == null) return CheckSwitches.ALL;
        c.rejectUnknownKeys(CHECK_KEYS, " under 'checks'");
        Integer days = c.integer("expiry_warning_days");
        if (days != null && days < 0) {
            c.error("expiry_warning_days", "'expiry_warning_days' must be 0 or more");
            days = null;
        }
        return new CheckSwitches(
                !Boolean.FALSE.equals(c.bool("app_store_build")),
                !Boolean.FALSE.equals(c.bool("expired_profile")),
                !Boolean.FALSE.equals(c.bool("bundle_id_mismatch")),
                !Boolean.FALSE.equals(c.bool("missing_profile")),
                days == null ? 30 : days,
                !Boolean.FALSE.equals(c.bool("code_seal")),
                !Boolean.FALSE.equals(c.bool("signer")),
                !Boolean.FALSE.equals(c.bool("old_signature")),
                List.of());
    }

    private static BaseUrl baseUrl(String raw, List<Diagnostic> problems, java.util.function.Function<String, Diagnostic> error) {
        BaseUrl.Parse parse = BaseUrl.parse(raw);
        if (!parse.ok()) problems.add(error.apply(parse.problem()));
        return parse.url();
    }
}
