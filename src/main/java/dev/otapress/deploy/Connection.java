package dev.otapress.deploy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * How to reach the store.
 *
 * @param endpoint null for AWS itself, else an S3-compatible endpoint (R2, MinIO, GCS…), addressed
 *                 path-style
 * @param region   null for the SDK's default chain (AWS_REGION, the profile), else e.g. eu-west-1
 * @param profile  null for the default credential chain, else a named profile of ~/.aws
 */
public record Connection(URI endpoint, String region, String profile) {

    public Connection {
        if (endpoint != null) {
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (endpoint.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("the endpoint must be an https:// URL such as https://ACCOUNT.r2.cloudflarestorage.com, not '"
                        + endpoint + "'");
            }
            if (scheme.equals("http") && !isLoopback(endpoint.getHost())) {
                // Credentials and every object would cross the network in clear text.
                throw new IllegalArgumentException("an http:// endpoint is accepted only on this machine (127.0.0.1, ::1,"
                        + " localhost); use https:// for " + endpoint.getHost());
            }
        }
        if (region != null && !region.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("'" + region + "' is not a region name such as eu-west-1 or auto");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false; // a name: resolving it would trust DNS
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
