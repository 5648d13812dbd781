package dev.otapress.server;

import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.Served;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code s3.md}: S3 has no configuration file; each object carries its own Content-Type,
 * Cache-Control and Content-Disposition, set at upload. So this is the sequence of AWS CLI
 * commands, one per rule of the registry, and the CDN response-header policy S3 cannot hold.
 * Every value is single-quoted, and BaseUrl admits no quote, '$' or '`', so nothing expands
 * when the commands are pasted into a shell.
 */
final class S3Instructions {

    private final PortalLocation location;

    S3Instructions(PortalLocation location) {
        this.location = location;
    }

    String render() {
        String dest = quote("s3://") + "\"$BUCKET\"" + quote("/" + location.folder());
        List<String> generated = new ArrayList<>();
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            generated.add(rule.fileName());
            generated.add("*/" + rule.fileName());
        }
        StringBuilder s = new StringBuilder();
        s.append("<!-- otapress: upload commands for the release portal at ")
                .append(ConfigText.xmlComment(location.baseUrl().toString())).append(" on Amazon S3 behind a CDN. -->\n");
        s.append("# Publishing the portal to S3\n\n");
        s.append("S3 stores a Content-Type, Cache-Control and Content-Disposition with every object, fixed at upload\n");
        s.append("time, and guesses neither `.plist` nor `.ipa` correctly. Upload with these commands, from the folder\n");
        s.append("that holds `public/`, in this order: the files a page links to exist before the page that links to them.\n");
        s.append("`otapress deploy` does the same by itself.\n\n");
        s.append("```sh\n");
        s.append("BUCKET=your-bucket-name   # the bucket behind ").append(location.host()).append('\n');
        s.append('\n');
        s.append("# 1. The apps: immutable once published, downloaded by the install daemon with HEAD and Range.\n");
        sync(s, dest, List.of("*.ipa"), List.of(), HttpRules.APP);
        s.append("# 2. Theme files and files authors put beside a release, by type; documents as downloads.\n");
        for (MediaType t : TypeRules.fileTypes()) {
            List<String> include = t.suffixes().stream().map(x -> "*." + x).toList();
            sync(s, dest, include, generated, HttpRules.forType(t));
        }
        s.append("# 3. Generated files by their exact names; pages last.\n");
        for (int i = HttpRules.GENERATED.size() - 1; i >= 0; i--) {
            HttpRules.NameRule rule = HttpRules.GENERATED.get(i);
            sync(s, dest, List.of(rule.fileName(), "*/" + rule.fileName()), List.of(), rule.served());
        }
        s.append("# 4. Anything else (no known type), then remove objects no longer in public/.\n");
        List<String> known = new ArrayList<>();
        for (MediaType t : TypeRules.fileTypes()) for (String x : t.suffixes()) known.add("*." + x);
        known.add("*.ipa");
        sync(s, dest, List.of("*"), known, TypeRules.defaults());
        s.append("aws s3 sync public/ ").append(dest).append(" --delete --size-only\n");
        s.append("```\n\n");
        s.append("## The CDN in front (CloudFront or another)\n\n");
        s.append("- iOS installs only over HTTPS with a certificate the device trusts: serve ").append(location.host())
                .append(" through the CDN with such a certificate.\n");
        s.append("- S3 cannot store a Content-Security-Policy. Add a response-headers policy: `X-Content-Type-Options: nosniff`\n");
        s.append("  everywhere, `Content-Security-Policy: ").append(ContentSecurityPolicy.PAGE).append("`\n");
        s.append("  for paths ending in `/` or `index.html`, and `Content-Security-Policy: ").append(ContentSecurityPolicy.INERT)
                .append("` for every other path, so files authors put beside a release never run script.\n");
        s.append("- No redirects on the way to a manifest or an `.ipa`: the install daemon does not follow them. Point\n");
        s.append("  the CDN at the bucket so that `").append(location.rawPrefix())
                .append("releases/…/manifest.plist` and the `.ipa` answer 200 directly; do not\n");
        s.append("  put a redirect rule, a sign-in page or a trailing-slash rewrite in front of those paths.\n");
        s.append("- A 'redirect HTTP to HTTPS' viewer policy is fine: it only ever meets people typing page URLs.\n");
        s.append("- Directory URLs such as `").append(location.rawPrefix())
                .append("releases/1.4.0/` need `index.html`: use the bucket's website endpoint as\n");
        s.append("  the origin, or a viewer-request function that appends `index.html` to paths ending in `/`.\n");
        s.append("- Keep the CDN's cache policy honouring the origin's Cache-Control, and let Range and HEAD through\n");
        s.append("  (CloudFront does both by default). Do not compress `.ipa` files on the fly.\n");
        return s.toString();
    }

    private static void sync(StringBuilder s, String dest, List<String> include, List<String> exclude, Served served) {
        s.append("aws s3 sync public/ ").append(dest).append(" --exclude '*'");
        for (String i : include) s.append(" --include ").append(quote(i));
        for (String e : exclude) s.append(" --exclude ").append(quote(e));
        s.append(" \\\n    --content-type ").append(quote(served.contentType()))
                .append(" --cache-control ").append(quote(served.cacheControl()));
        if (served.attachment()) s.append(" --content-disposition attachment");
        s.append('\n');
    }

    /** A single-quoted shell word: nothing inside expands. */
    static String quote(String value) {
        return "'" + ConfigText.noControls(value).replace("'", "'\\''") + "'";
    }
}
