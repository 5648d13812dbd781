package dev.otapress.server;

import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.HttpRules;

/**
 * {@code s3.md}: S3 has no configuration file; each object carries its own Content-Type,
 * Cache-Control and Content-Disposition, set at upload, which {@code otapress deploy} does from the
 * same table as every server config. So this page points at that command, and names what the CDN
 * in front must add: the policy headers S3 cannot store, and index.html for folder URLs.
 * Every value is single-quoted, and BaseUrl admits no quote, '$' or '`', so nothing expands when
 * the command is pasted into a shell.
 */
final class S3Instructions {

    private final PortalLocation location;

    S3Instructions(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String dest = quote("s3://") + "\"$BUCKET\"" + quote("/" + location.folder());
        StringBuilder s = new StringBuilder();
        s.append("<!-- otapress: publishing the release portal at ")
                .append(ConfigText.xmlComment(location.baseUrl().toString())).append(" to Amazon S3 (or R2, MinIO) behind a CDN. -->\n");
        s.append("# Publishing the portal to S3\n\n");
        s.append("Publish with `otapress deploy`. It uploads every file of `public/` with its Content-Type (").append(quoteMd(
                HttpRules.APP.contentType())).append(" for the `.ipa`,\n");
        s.append(quoteMd(HttpRules.forPath(HttpRules.MANIFEST_FILE).contentType()))
                .append(" for manifests), Cache-Control and Content-Disposition, verifies each upload with its Content-MD5, sends\n");
        s.append("only what changed, in an order that never leaves a published page linking a missing file, and deletes\n");
        s.append("what the portal no longer has, last. See \"otapress deploy\" in the README for R2 and MinIO.\n\n");
        s.append("```sh\n");
        s.append("BUCKET=your-bucket-name   # the bucket behind ").append(location.host()).append('\n');
        s.append("otapress deploy ").append(dest).append(" --check\n");
        s.append("```\n\n");
        s.append("## The CDN in front (CloudFront or another)\n\n");
        s.append("- iOS installs only over HTTPS with a certificate the device trusts: serve ").append(location.host())
                .append(" through the CDN with such a certificate.\n");
        s.append("- S3 cannot store a Content-Security-Policy. Add a response-headers policy: `X-Content-Type-Options: nosniff`\n");
        s.append("  everywhere, `Content-Security-Policy: ").append(location.pagePolicy()).append("`\n");
        s.append("  for paths ending in `/` or `index.html`, and `Content-Security-Policy: ").append(ContentSecurityPolicy.INERT)
                .append("` for every other path, so files authors put beside a release never run script.\n");
        s.append("- No redirects on the way to a manifest or an `.ipa`: the install daemon does not follow them. Point\n");
        s.append("  the CDN at the bucket so that `").append(location.rawPrefix())
                .append("releases/…/manifest.plist` and the `.ipa` answer 200 directly; do not\n");
        s.append("  put a redirect rule, a sign-in page or a trailing-slash rewrite in front of those paths.\n");
        s.append("- A 'redirect HTTP to HTTPS' viewer policy is fine: it only ever meets people typing page URLs.\n");
        s.append("- Folder URLs such as `").append(location.rawPrefix())
                .append("releases/1.4.0/` need `index.html`: attach the CloudFront Function below\n");
        s.append("  on viewer request, or use the bucket's website endpoint as the origin. `--check` fails until they do.\n");
        s.append("- Keep the CDN's cache policy honouring the origin's Cache-Control, and let Range and HEAD through\n");
        s.append("  (CloudFront does both by default). Do not compress `.ipa` files on the fly.\n\n");
        s.append("## The CloudFront Function for folder URLs\n\n");
        s.append("CloudFront › Functions › Create (runtime cloudfront-js-2.0), paste, publish, and associate it with the\n");
        s.append("distribution's default behaviour as *Viewer request* (otapress's repository has it as `deploy/cloudfront-index.js`):\n\n");
        s.append("```js\n").append(CLOUDFRONT_FUNCTION);
        if (!CLOUDFRONT_FUNCTION.endsWith("\n")) s.append('\n');
        s.append("```\n");
        return s.toString();
    }

    /** deploy/cloudfront-index.js, which the build copies into the jar beside this class. */
    static final String CLOUDFRONT_FUNCTION = cloudFrontFunction();

    private static String cloudFrontFunction() {
        try (java.io.InputStream in = S3Instructions.class.getResourceAsStream("cloudfront-index.js")) {
            if (in == null) throw new IllegalStateException("cloudfront-index.js is missing from the build (pom.xml copies deploy/)");
            return dev.otapress.Utf8.decode(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String quoteMd(String value) {
        return "`" + value + "`";
    }

    /** A single-quoted shell word: nothing inside expands. */
    static String quote(String value) {
        return "'" + ConfigText.noControls(value).replace("'", "'\\''") + "'";
    }
}
