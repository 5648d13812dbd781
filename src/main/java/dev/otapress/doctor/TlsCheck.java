package dev.otapress.doctor;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The portal's TLS certificate, as the device sees it: trusted, for this host, not about to expire. */
final class TlsCheck {

    private static final Duration EXPIRY_MARGIN = Duration.ofDays(30);

    private final PortalTrust trust;
    private final Clock clock;
    private final Duration timeout;

    TlsCheck(PortalTrust trust, Clock clock, Duration timeout) {
        this.trust = trust;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Adds the results; false when later requests cannot succeed (no trusted connection to this host). */
    boolean check(URI base, List<CheckResult> results) {
        String host = base.getHost();
        int port = base.getPort() < 0 ? 443 : base.getPort();
        List<X509Certificate[]> presented = new ArrayList<>();
        String refusal = null;
        try (SSLSocket socket = (SSLSocket) trust.sslContext(presented).getSocketFactory().createSocket()) {
            // A server that accepts and then says nothing, or trickles the handshake, is cut off here.
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> close(socket));
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters params = socket.getSSLParameters();
            if (!isIpAddress(host)) params.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(params);
            socket.startHandshake();
        } catch (IOException | IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        String name = "TLS certificate of " + host + " is trusted";
        if (presented.isEmpty()) {
            results.add(CheckResult.fail(name, "no TLS connection to " + host + ":" + port + " within "
                            + CheckLimits.seconds(timeout) + ": " + refusal,
                    "serve the portal over HTTPS on " + host + ":" + port + " (iOS refuses plain http for installs)"));
            return false;
        }
        X509Certificate leaf = presented.get(presented.size() - 1)[0];
        if (refusal != null) {
            results.add(CheckResult.fail(name, leaf.getSubjectX500Principal().getName() + ": " + refusal,
                    "use a certificate from a CA the devices trust; for an internal CA, install its root on the devices "
                            + "(profile or MDM, then enable it under Settings › General › About › Certificate Trust Settings) "
                            + "and run the check with --ca-file ROOT.pem"));
        } else {
            results.add(CheckResult.pass(name, "issued by " + leaf.getIssuerX500Principal().getName()));
        }
        String hostName = "TLS certificate is valid for " + host;
        boolean hostOk = matchesHost(leaf, host);
        if (hostOk) {
            results.add(CheckResult.pass(hostName, ""));
        } else {
            results.add(CheckResult.fail(hostName, "subject alternative names: " + altNames(leaf),
                    "get a certificate whose subject alternative names include " + host
                            + " (iOS ignores the common name)"));
        }
        Instant notAfter = leaf.getNotAfter().toInstant();
        String expiryName = "TLS certificate does not expire within 30 days";
        if (notAfter.isAfter(clock.instant().plus(EXPIRY_MARGIN))) {
            results.add(CheckResult.pass(expiryName, "valid until " + notAfter));
        } else {
            results.add(CheckResult.fail(expiryName, "valid until " + notAfter,
                    "renew the certificate before " + notAfter + "; installs fail the moment it expires"));
        }
        // Without trust for this host every later request fails the same way, so stop here.
        return refusal == null && hostOk;
    }

    private static void close(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed: the handshake ended in time.
        }
    }

    private static boolean isIpAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static boolean matchesHost(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (List<?> san : subjectAltNames(cert)) {
            if (san.size() < 2 || !(san.get(0) instanceof Integer type)) continue;
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (type == 7 && isIpAddress(h) && sameAddress(value, h)) return true;
            if (type == 2 && !isIpAddress(h)) {
                if (value.equals(h)) return true;
                if (value.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(value.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Both are IP literals here (type 7 names and an IP host), so no name is looked up. */
    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static Collection<List<?>> subjectAltNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static String altNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (List<?> san : subjectAltNames(cert)) if (san.size() > 1) names.add(String.valueOf(san.get(1)));
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
