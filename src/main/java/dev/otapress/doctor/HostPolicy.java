package dev.otapress.doctor;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts {@code check} may request. The checker often runs inside a company network, and a
 * deployed listing is data from the server being checked: following it to any host would let a
 * portal make the checker probe internal machines. So only https URLs on the checked origin and
 * on origins the user named (site.yaml's base URLs, {@code --allow-host}) are requested.
 *
 * @param origins "host:port", host in lower case, port 443 when the URL names none
 */
record HostPolicy(Set<String> origins) {

    HostPolicy {
        origins = Set.copyOf(origins);
    }

    /** The checked portal plus the given URLs' origins and "host[:port]" names. */
    static HostPolicy of(URI portal, Collection<URI> configured, Collection<String> allowedHosts) {
        Set<String> origins = new TreeSet<>();
        origins.add(origin(portal));
        for (URI u : configured) if (u.getHost() != null) origins.add(origin(u));
        for (String h : allowedHosts) origins.add(hostPort(h));
        return new HostPolicy(origins);
    }

    static String origin(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host + ":" + (url.getPort() < 0 ? 443 : url.getPort());
    }

    /** "cdn.example.com" → "cdn.example.com:443"; "[::1]:8443" and "10.0.0.5:8443" keep their port. */
    static String hostPort(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        URI parsed;
        try {
            parsed = new URI("https://" + s + "/");
        } catch (java.net.URISyntaxException e) {
            parsed = null;
        }
        if (parsed == null || parsed.getHost() == null || !parsed.getRawPath().equals("/") || parsed.getRawUserInfo() != null
                || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException("--allow-host takes a host name with an optional port, e.g. downloads.example.com"
                    + " or 10.0.0.5:8443, not '" + text + "'");
        }
        return origin(parsed);
    }

    /** Why the URL is not requested, or empty when it may be. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            return Optional.of("not requested: " + (scheme.isEmpty() ? "not an absolute URL" : scheme + ": is not https")
                    + " (iOS installs only over HTTPS)");
        }
        if (url.getHost() == null) return Optional.of("not requested: the URL has no host name");
        if (url.getRawUserInfo() != null) return Optional.of("not requested: the URL carries a user name or password");
        if (!origins.contains(origin(url))) {
            return Optional.of("not requested: " + origin(url) + " is not a checked host (" + String.join(", ", List.copyOf(origins))
                    + ")");
        }
        return Optional.empty();
    }

    /** The fix for an off-host URL, shared by every check that meets one. */
    static String offHostFix() {
        return "the portal must name only its own https URLs: set base_url (and downloads_base_url for a separate download"
                + " host) in site.yaml and rebuild; if the other host is yours, check with --site DIR or --allow-host HOST";
    }
}
