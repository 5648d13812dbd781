package dev.otapress.server;

import static dev.otapress.server.HeaderPolicy.IMMUTABLE;
import static dev.otapress.server.HeaderPolicy.IPA_TYPE;
import static dev.otapress.server.HeaderPolicy.LONG;
import static dev.otapress.server.HeaderPolicy.NO_CACHE;
import static dev.otapress.server.HeaderPolicy.PLIST_TYPE;

/**
 * {@code s3.md}: S3 has no configuration file; each object carries its own Content-Type and
 * Cache-Control, set at upload. So this is the exact sequence of AWS CLI commands.
 */
final class S3Instructions {

    private final PortalLocation location;

    S3Instructions(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String prefix = "s3://$BUCKET/" + location.folder();
        String dest = "\"" + prefix + "\"";
        StringBuilder s = new StringBuilder();
        s.append("<!-- otapress: upload commands for the release portal at ").append(location.baseUrl())
                .append(" on Amazon S3 behind a CDN. -->\n");
        s.append("# Publishing the portal to S3\n\n");
        s.append("S3 stores a Content-Type and a Cache-Control with every object, fixed at upload time, and guesses\n");
        s.append("neither `.plist` nor `.ipa` correctly. Upload with these commands, from the folder that holds\n");
        s.append("`public/`, in this order: the files a page links to exist before the page that links to them.\n\n");
        s.append("```sh\n");
        s.append("BUCKET=your-bucket-name   # the bucket behind ").append(location.host()).append('\n');
        s.append('\n');
        s.append("# 1. The apps: immutable once published, downloaded by the install daemon with HEAD and Range.\n");
        sync(s, dest, "*.ipa", IPA_TYPE, IMMUTABLE);
        s.append("# 2. Icons.\n");
        sync(s, dest, "*.png", "image/png", LONG);
        s.append("# 3. Manifests: text/xml, and never cached without revalidation.\n");
        sync(s, dest, "*.plist", PLIST_TYPE, NO_CACHE);
        s.append("# 4. Stylesheets and scripts of the theme.\n");
        sync(s, dest, "*.css", "text/css; charset=utf-8", NO_CACHE);
        sync(s, dest, "*.js", "text/javascript; charset=utf-8", NO_CACHE);
        s.append("# 5. The listing and the pages last.\n");
        s.append("aws s3 cp public/releases.json ").append("\"").append(prefix).append("releases.json\" \\\n");
        s.append("    --content-type \"application/json\" --cache-control \"").append(NO_CACHE).append("\"\n");
        sync(s, dest, "*.html", "text/html; charset=utf-8", NO_CACHE);
        s.append("# 6. Anything else (types guessed by the CLI), then remove objects no longer in public/.\n");
        s.append("aws s3 sync public/ ").append(dest)
                .append(" --exclude \"*.ipa\" --exclude \"*.png\" --exclude \"*.plist\" --exclude \"*.css\"")
                .append(" --exclude \"*.js\" --exclude \"*.html\" --exclude \"releases.json\" --cache-control \"")
                .append(NO_CACHE).append("\"\n");
        s.append("aws s3 sync public/ ").append(dest).append(" --delete --size-only\n");
        s.append("```\n\n");
        s.append("## The CDN in front (CloudFront or another)\n\n");
        s.append("- iOS installs only over HTTPS with a certificate the device trusts: serve ").append(location.host())
                .append(" through the CDN with such a certificate.\n");
        s.append("- No redirects on the way to a manifest or an `.ipa`: the install daemon does not follow them. Point\n");
        s.append("  the CDN at the bucket so that `").append(location.prefix())
                .append("releases/…/manifest.plist` and the `.ipa` answer 200 directly; do not\n");
        s.append("  put a redirect rule, a sign-in page or a trailing-slash rewrite in front of those paths.\n");
        s.append("- A 'redirect HTTP to HTTPS' viewer policy is fine: it only ever meets people typing page URLs.\n");
        s.append("- Directory URLs such as `").append(location.prefix())
                .append("releases/1.4.0/` need `index.html`: use the bucket's website endpoint as\n");
        s.append("  the origin, or a viewer-request function that appends `index.html` to paths ending in `/`.\n");
        s.append("- Keep the CDN's cache policy honouring the origin's Cache-Control, and let Range and HEAD through\n");
        s.append("  (CloudFront does both by default). Do not compress `.ipa` files on the fly.\n");
        return s.toString();
    }

    private static void sync(StringBuilder s, String dest, String pattern, String type, String cache) {
        s.append("aws s3 sync public/ ").append(dest).append(" --exclude \"*\" --include \"").append(pattern).append("\" \\\n");
        s.append("    --content-type \"").append(type).append("\" --cache-control \"").append(cache).append("\"\n");
    }
}
