package dev.otapress.config;

import dev.otapress.text.PercentEncoding;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The https address a portal is served from, parsed once and held in one canonical form.
 *
 * <p>The path is kept as decoded segments because every consumer matches decoded paths (nginx,
 * Apache, Caddy and IIS compare the decoded request path; S3 keys are decoded), and is written back
 * percent-encoded the one way {@code Urls} encodes everything else. The rule for each kind of input:
 * <ul>
 *   <li>scheme: https only; host: ASCII letters, digits, '-' and '.', or an IP address, lower-cased;
 *       port 443 is dropped; user name, query and fragment are refused;</li>
 *   <li>a missing trailing '/' is added;</li>
 *   <li>percent-escapes are decoded (UTF-8) and re-encoded canonically, so {@code %20} and a
 *       literal space, {@code %7E} and {@code ~} name the same folder;</li>
 *   <li>refused, in raw or escaped form: empty segments ({@code //}), dot segments ({@code .},
 *       {@code ..}), control characters (including {@code %00}), {@code %2F} and {@code %5C}
 *       (a slash or backslash inside a folder name), and the characters that some server config
 *       or a shell cannot carry safely: {@code " ' ` $ % ; # ? { } [ ] < > | ^ * \}.</li>
 * </ul>
 */
public record BaseUrl(String host, int port, List<String> segments) {

    private static final String REFUSED = "\"'`$%;#?{}[]<>|^*\\";

    /** A parse outcome: the URL, or the problem in words (to follow the key name, e.g. "'base_url' …"). */
    public record Parse(BaseUrl url, String problem) {
        public boolean ok() {
            return url != null;
        }
    }

    public BaseUrl {
        Objects.requireNonNull(host, "host");
        segments = List.copyOf(segments);
        String problem = hostProblem(host);
        if (problem == null && (port < -1 || port == 0 || port > 65535)) problem = "port out of range: " + port;
        for (String s : segments) {
            if (problem == null) problem = segmentProblem(s);
        }
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** Parses user input (site.yaml, --base-url, a check target) by the rules above. */
    public static Parse parse(String text) {
        String value = text == null ? "" : text.strip();
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) return fail("contains a control character; write the address on one line without them");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            return fail("is not a valid URL (" + e.getReason() + "); write it like https://apps.example.com/ios/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            return fail("must start with https://: iOS installs apps over the air only over HTTPS with a certificate the device trusts");
        }
        if (!scheme.equals("https") || uri.isOpaque() || uri.getRawAuthority() == null) {
            return fail("must be an absolute https URL such as https://apps.example.com/ios/, not '" + value + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return fail("must not carry a query, fragment or user name: give only https://host/path/");
        }
        if (uri.getHost() == null) {
            return fail("has no usable host name in '" + value + "'; use letters, digits, '-' and '.' (an international"
                    + " name in its xn-- form)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        String hostProblem = hostProblem(host);
        if (hostProblem != null) return fail(hostProblem);
        int port = uri.getPort() == 443 ? -1 : uri.getPort();
        if (port == 0) return fail("has port 0; leave the port out for 443");
        if (port > 65535) return fail("has port " + port + ", above 65535; give the port the portal is served on");
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        List<String> segments = new ArrayList<>();
        String[] raw = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            boolean last = i == raw.length - 1;
            if (raw[i].isEmpty()) {
                if (last) break;
                return fail("has an empty path segment ('//'); servers disagree on what it matches, so write the path"
                        + " without it");
            }
            String decoded = PercentEncoding.decode(raw[i], true);
            if (decoded == null) return fail("has a percent-escape that is not UTF-8 text in '" + raw[i] + "'");
            String problem = segmentProblem(decoded);
            if (problem != null) return fail(problem);
            segments.add(decoded);
        }
        return new Parse(new BaseUrl(host, port, segments), null);
    }

    /** Like {@link #parse} for input already known to be good (tests, values from another BaseUrl). */
    public static BaseUrl of(String text) {
        Parse p = parse(text);
        if (!p.ok()) throw new IllegalArgumentException("base URL " + p.problem());
        return p.url();
    }

    /** The canonical address, ending in '/', e.g. {@code https://apps.example.com/mobile%20apps/}. */
    @Override
    public String toString() {
        return origin() + rawPath();
    }

    public URI uri() {
        return URI.create(toString());
    }

    /** {@code https://host[:port]}, without a path. */
    public String origin() {
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + (port < 0 ? "" : ":" + port);
    }

    /** The path decoded, starting and ending in '/': what servers match, e.g. {@code /mobile apps/}. */
    public String path() {
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments) + "/";
    }

    /** The path percent-encoded, starting and ending in '/', e.g. {@code /mobile%20apps/}. */
    public String rawPath() {
        StringBuilder s = new StringBuilder("/");
        for (String segment : segments) s.append(encodeSegment(segment)).append('/');
        return s.toString();
    }

    /** The address of something below the portal, given as an already encoded relative path. */
    public String resolve(String encodedRelativePath) {
        if (encodedRelativePath.startsWith("/") || encodedRelativePath.contains("://")) {
            throw new IllegalArgumentException("not a relative path: " + encodedRelativePath);
        }
        return this + encodedRelativePath;
    }

    /** True when the URL is on this portal's origin and below its path. */
    public boolean contains(URI url) {
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) return false;
        int p = url.getPort() == 443 ? -1 : url.getPort();
        String h = url.getHost().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return h.equals(host) && p == port && path.startsWith(rawPath());
    }

    public boolean atRoot() {
        return segments.isEmpty();
    }

    private static Parse fail(String problem) {
        return new Parse(null, problem);
    }

    private static String hostProblem(String host) {
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) return "has no host name";
        if (host.contains(":")) {
            return host.matches("[0-9a-f:.]+") ? null : "has a host that is not an IPv6 address: " + host;
        }
        if (!host.matches("[a-z0-9.-]+") || host.startsWith(".") || host.contains("..")) {
            return "has a host name otapress cannot write into every server config: '" + host
                    + "'; use letters, digits, '-' and '.' (an international name in its xn-- form)";
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) return "has an empty path segment ('//'); write the path without it";
        if (segment.equals(".") || segment.equals("..")) {
            return "has a '" + segment + "' path segment; servers resolve it before matching, so the rules would match"
                    + " nothing: write the path the way browsers show it";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (isControl(c)) return "has a control character (escaped as %" + String.format("%02X", (int) c) + ") in its path";
            if (c == '/') return "has '%2F' (a slash inside a folder name) in its path; servers decode it differently";
            if (REFUSED.indexOf(c) >= 0) {
                return "has '" + c + "' in its path, which a server config or shell cannot carry safely; rename the"
                        + " folder on the server to letters, digits, spaces and - . _ ~";
            }
            if (Character.isWhitespace(c) && c != ' ') return "has whitespace other than a space in its path";
        }
        return null;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }


    /** UTF-8 percent-encoding of everything but the unreserved characters of RFC 3986: the one encoder of path segments. */
    public static String encodeSegment(String segment) {
        return PercentEncoding.encode(segment);
    }
}
