package dev.otapress.link;

import dev.otapress.link.LinkFault.Kind;
import dev.otapress.render.ItmsServices;
import dev.otapress.render.Urls;
import dev.otapress.text.PercentEncoding;
import dev.otapress.yaml.DidYouMean;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pasted install link (or an HTML snippet holding one) the way iOS would, names each
 * mistake, and works out the link that was meant.
 */
public final class LinkExplainer {
    private static final String SCHEME = ItmsServices.SCHEME_START;
    private static final String ACTION = ItmsServices.DOWNLOAD_MANIFEST;
    private static final String URL_IS = ItmsServices.URL + "=";
    private static final Pattern URL_PARAM = Pattern.compile("(?:^|&)" + URL_IS);
    private static final Pattern AMP_URL = Pattern.compile("(?:^|&)amp[;-]?" + URL_IS, Pattern.CASE_INSENSITIVE);

    /**
     * @param faults    every mistake found, in the order a reader meets them; empty for a good link
     * @param corrected the link that was meant, when it can be told (never for an http manifest)
     */
    public record Explanation(List<LinkFault> faults, Optional<InstallLinkForms> corrected) {
        public Explanation {
            faults = List.copyOf(faults);
        }

        public boolean correct() {
            return faults.isEmpty();
        }

        public boolean has(Kind kind) {
            return faults.stream().anyMatch(f -> f.kind() == kind);
        }
    }

    public Explanation explain(String text) {
        List<LinkFault> faults = new ArrayList<>();
        String link = text.strip();
        boolean html = link.startsWith("<") || link.toLowerCase(Locale.ROOT).contains("href=");
        if (html) {
            Element a = Jsoup.parseBodyFragment(link).selectFirst("[href]");
            if (a == null) {
                return new Explanation(List.of(new LinkFault(Kind.MISSING_URL,
                        "the HTML holds no href attribute; paste the <a href=\"…\"> element or the link alone")), Optional.empty());
            }
            link = a.attr("href").strip();
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.contains("&amp;") || AMP_URL.matcher(afterQuestionMark(link)).find()) {
            if (html || lower.contains("&amp;amp;") || !lower.contains("&amp;")) {
                faults.add(new LinkFault(Kind.DOUBLE_ESCAPED, "the '&' before " + URL_IS + " was HTML-escaped twice (&amp;amp;" + URL_IS + "), so iOS"
                        + " sees a parameter named 'amp;url' and silently does nothing; escape it once: write the plain link"
                        + " into the template and let the template engine escape it"));
            } else {
                faults.add(new LinkFault(Kind.ESCAPED_OUTSIDE_HTML, "'&amp;' is how HTML writes '&'; in an email, a chat"
                        + " message, JSON or a text file the link needs a plain '&', or iOS sees a parameter named 'amp;url'"));
            }
            while (link.toLowerCase(Locale.ROOT).contains("&amp;")) link = link.replaceAll("(?i)&amp;", "&");
            link = link.replaceAll("(?i)(^|[?&])amp[;-]?" + URL_IS, "$1" + URL_IS);
        }
        link = scheme(link, faults);
        String query = afterQuestionMark(link);

        Matcher m = URL_PARAM.matcher(query);
        if (!m.find()) {
            faults.add(new LinkFault(Kind.MISSING_URL, "there is no " + URL_IS + " parameter; the link must end in"
                    + " '&" + URL_IS + "' and the manifest's https URL, percent-encoded"));
            return new Explanation(faults, Optional.empty());
        }
        String before = query.substring(0, m.start());
        String value = query.substring(m.end());
        int actionAfter = value.toLowerCase(Locale.ROOT).indexOf("&" + ItmsServices.ACTION + "=");
        if (actionAfter >= 0) {
            before = before + "&" + value.substring(actionAfter + 1);
            value = value.substring(0, actionAfter);
        }
        action(before, faults);
        String manifest = manifestUrl(value, faults);
        if (manifest == null) return new Explanation(faults, Optional.empty());
        return new Explanation(faults, Optional.of(InstallLinkForms.of(manifest)));
    }

    private static String afterQuestionMark(String link) {
        int q = link.indexOf('?');
        return q < 0 ? link : link.substring(q + 1);
    }

    /** Checks the scheme and returns the link with exactly one itms-services:// in front. */
    private static String scheme(String link, List<LinkFault> faults) {
        String rest = link;
        int schemes = 0;
        while (true) {
            Matcher m = Pattern.compile("^(?i)itms-?services?:/*").matcher(rest);
            if (!m.find()) break;
            if (!m.group().toLowerCase(Locale.ROOT).equals(SCHEME) && schemes == 0) {
                faults.add(new LinkFault(Kind.WRONG_SCHEME, "the link starts '" + m.group() + "'; it must start exactly '"
                        + SCHEME + "?'"));
            }
            schemes++;
            rest = rest.substring(m.end());
        }
        if (schemes > 1) {
            faults.add(new LinkFault(Kind.DOUBLED_SCHEME, "'" + SCHEME + "' appears " + schemes + " times; a template"
                    + " probably added it to a link that already had it: write it once"));
        }
        if (schemes == 0) {
            String lower = rest.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                faults.add(new LinkFault(Kind.WRONG_SCHEME, "this is the manifest's own URL, not an install link: Safari"
                        + " shows the XML instead of installing; link to " + ItmsServices.LINK_START + "…"));
                String manifest = ManifestUrl.normalize(rest);
                return ItmsServices.LINK_START + (manifest == null ? rest : Urls.encodeQueryValue(manifest));
            }
            faults.add(new LinkFault(Kind.WRONG_SCHEME, "an install link starts '" + SCHEME + "?'"));
        }
        return SCHEME + (rest.startsWith("?") ? rest : "?" + rest);
    }

    private static void action(String params, List<LinkFault> faults) {
        boolean found = false;
        for (String pair : params.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (name.equals(ItmsServices.ACTION) && value.equals(ACTION)) return;
            if (name.equals(ItmsServices.ACTION) || DidYouMean.closest(name, List.of(ItmsServices.ACTION)) != null
                    || DidYouMean.closest(value, List.of(ACTION)) != null) {
                faults.add(new LinkFault(Kind.MISSPELLED_ACTION, "'" + pair + "' should read '" + ItmsServices.ACTION_PARAMETER
                        + "'; iOS ignores the link otherwise"));
                found = true;
            }
        }
        if (!found) {
            faults.add(new LinkFault(Kind.MISSING_ACTION, "the link has no '" + ItmsServices.ACTION_PARAMETER + "'; without it iOS does"
                    + " nothing: the link starts " + ItmsServices.LINK_START));
        }
    }

    /** The manifest URL the link meant, as a valid URI; null when it cannot be told or is http. */
    private static String manifestUrl(String value, List<LinkFault> faults) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean raw = lower.matches("^https?:?/.*");
        if (value.contains("&")) {
            faults.add(new LinkFault(Kind.UNENCODED_AMPERSAND, "an '&' in the manifest URL ends the url parameter, so iOS"
                    + " requests only the part before it; percent-encode the whole manifest URL ('&' becomes %26)"));
        }
        if (value.contains("#")) {
            faults.add(new LinkFault(Kind.UNENCODED_HASH, "a '#' starts the link's fragment, so iOS never sees the rest"
                    + " of the manifest URL and nothing happens on a tap; percent-encode it (%2523 for a '#' in a name)"));
        }
        if (value.contains("?")) {
            faults.add(new LinkFault(Kind.UNENCODED_QUESTION_MARK, "a raw '?' in the url value is read as part of the"
                    + " install link's own query by some apps; percent-encode the whole manifest URL ('?' becomes %3F)"));
        }
        if (value.contains(" ")) {
            faults.add(new LinkFault(Kind.UNENCODED_SPACE, "a space ends the link in most apps, and tapping it does"
                    + " nothing; a space in a folder or file name is written %2520 in the install link"));
        }
        if (value.codePoints().anyMatch(c -> c > 0x7f)) {
            faults.add(new LinkFault(Kind.UNENCODED_NON_ASCII, "letters outside ASCII must be UTF-8 percent-encoded in"
                    + " the manifest URL (é becomes %25C3%25A9 in the install link)"));
        }
        if (value.contains("+")) {
            faults.add(new LinkFault(Kind.PLUS_FOR_SPACE, "iOS does not read '+' as a space (that is HTML form encoding,"
                    + " e.g. Java's URLEncoder): write a space as %2520, and a real plus as %252B"));
        }
        String manifest;
        if (raw) {
            manifest = value.replace("+", " ");
            if (value.contains("%")) {
                faults.add(new LinkFault(Kind.ESCAPES_DECODED_AWAY, "iOS percent-decodes the url value once before"
                        + " using it, so the manifest URL's own escapes (%20) turn back into raw characters; encode the"
                        + " whole manifest URL once more (%20 becomes %2520)"));
            }
        } else {
            manifest = decode(value.replace("+", "%2520"));
            if (manifest == null) {
                faults.add(new LinkFault(Kind.BROKEN_ESCAPE, "the url value has a '%' not followed by two hex digits,"
                        + " or escapes that are not UTF-8; iOS cannot decode it"));
                return null;
            }
            while (manifest.toLowerCase(Locale.ROOT).matches("^https?%3a.*")) {
                if (!faults.stream().anyMatch(f -> f.kind() == Kind.ENCODED_TWICE)) {
                    faults.add(new LinkFault(Kind.ENCODED_TWICE, "after iOS's one decoding the url value still reads"
                            + " 'https%3A…', which is not a URL; encode the manifest URL once"));
                }
                String once = decode(manifest);
                if (once == null) return null;
                manifest = once;
            }
        }
        Matcher scheme = Pattern.compile("^(?i)(?:https?(?::/*|/+))+").matcher(manifest);
        if (scheme.find()) {
            String written = scheme.group().toLowerCase(Locale.ROOT);
            String meant = written.contains("https") ? "https://" : "http://";
            if (written.split("http", -1).length > 2) {
                faults.add(new LinkFault(Kind.DOUBLED_SCHEME, "the manifest URL starts '" + scheme.group()
                        + "'; write the scheme once (" + meant + ")"));
            } else if (!written.equals(meant)) {
                faults.add(new LinkFault(Kind.NOT_A_URL, "the manifest URL starts '" + scheme.group() + "'; write "
                        + meant));
            }
            manifest = meant + manifest.substring(scheme.end());
        }
        String normalized = ManifestUrl.normalize(manifest);
        if (normalized == null) {
            faults.add(new LinkFault(Kind.NOT_A_URL, "the url value does not decode to an absolute https URL of the"
                    + " manifest ('" + manifest + "')"));
            return null;
        }
        if (ManifestUrl.isHttp(normalized)) {
            faults.add(new LinkFault(Kind.HTTP_MANIFEST, "iOS fetches manifests only over HTTPS, with a certificate the"
                    + " device trusts; serve the portal over https:// and make the link again (otapress link URL)"));
            return null;
        }
        return normalized;
    }

    /** One percent-decoding, as iOS does it ('+' stays a plus); null when not valid UTF-8 escapes. */
    static String decode(String text) {
        return PercentEncoding.decode(text, true);
    }
}
