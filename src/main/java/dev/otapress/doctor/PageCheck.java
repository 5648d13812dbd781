package dev.otapress.doctor;

import dev.otapress.media.HttpRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's pages at the URLs it prints: the home page, what the home page and the pages it
 * links link to (app pages, history pages, release pages), and every listed release's page. They
 * end in '/', and a host must answer such a folder URL with its index.html: S3's REST endpoint and
 * CloudFront do not on their own, and a portal deployed there serves its manifests and .ipa files
 * while every page shows an error. The check tells that case apart by asking for the index.html
 * itself, and names the fix.
 */
final class PageCheck {
    static final String NAME = "page URLs ending in / are served as pages";
    private static final String PAGE_TYPE = ServerFixes.essence(HttpRules.forPath(HttpRules.PAGE_FILE).contentType());
    private static final Pattern S3_ERROR_CODE = Pattern.compile("<Error>\\s*<Code>([A-Za-z]{1,64})</Code>");
    /** Failing URLs named in the report; the count says how many more. */
    private static final int NAMED = 3;
    /**
     * Pages found by following links, at most: a portal's home and app pages link its apps, their
     * recommended builds and history pages, far fewer; a hostile page with endless links costs no more.
     */
    static final int MAX_LINKED = 1000;

    private final Fetcher fetcher;

    PageCheck(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @param base  the portal's base URL (its home page)
     * @param pages the pages releases.json lists for the releases being checked
     * @param pool  requests run on it, a few at a time
     */
    CheckResult check(URI base, Collection<URI> pages, ExecutorService pool) {
        Map<URI, Response> answers = new LinkedHashMap<>();
        answers.put(base, fetcher.get(base, Fetcher.Body.PAGE));
        // Two levels of links: the home page leads to app pages (and recommended releases), app pages
        // to their history pages and releases. Release pages are listed in releases.json anyway.
        Set<URI> linked = cap(links(base, answers.get(base)), MAX_LINKED);
        fetchAll(linked, answers, pool);
        Set<URI> next = new LinkedHashSet<>();
        for (URI page : linked) next.addAll(links(base, answers.get(page)));
        next.removeAll(answers.keySet());
        next = cap(next, MAX_LINKED - linked.size());
        for (URI page : pages) {
            URI folder = folderUrl(base, page);
            if (folder != null) next.add(folder);
        }
        fetchAll(next, answers, pool);

        List<URI> failed = new ArrayList<>();
        Map<URI, String> otherPages = new LinkedHashMap<>();
        for (Map.Entry<URI, Response> a : answers.entrySet()) {
            if (!isPage(a.getValue())) {
                failed.add(a.getKey());
            } else {
                String other = otherPage(base, a.getKey(), a.getValue());
                if (other != null) otherPages.put(a.getKey(), other);
            }
        }
        String checked = answers.size() + " page URL" + (answers.size() == 1 ? "" : "s")
                + " from the home page, the pages it links and releases.json";
        if (failed.isEmpty() && otherPages.isEmpty()) return CheckResult.pass(NAME, checked);
        if (failed.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (Map.Entry<URI, String> o : otherPages.entrySet()) {
                if (named.size() == NAMED) break;
                named.add(o.getKey() + " answered the page of " + o.getValue());
            }
            return CheckResult.fail(NAME, otherPages.size() + " of " + checked + " answered another page: " + String.join("; ", named)
                    + (otherPages.size() > NAMED ? "; and " + (otherPages.size() - NAMED) + " more" : ""),
                    "the host answers paths it does not find with another page (a CDN error page or a single-page-app rule that"
                            + " serves the home page): remove that rule, and " + folderIndexFix());
        }

        List<String> named = new ArrayList<>();
        for (URI url : failed.subList(0, Math.min(NAMED, failed.size()))) named.add(url + " answered " + describe(answers.get(url)));
        String detail = failed.size() + " of " + checked + " failed: " + String.join("; ", named)
                + (failed.size() > NAMED ? "; and " + (failed.size() - NAMED) + " more" : "");
        URI first = failed.get(0);
        Response firstAnswer = answers.get(first);
        if (firstAnswer.failure() == Response.Failure.NONE && first.getRawPath().endsWith("/")) {
            // The same page by its file name: if that answers, the pages are there and only the host's
            // mapping of folder URLs is missing.
            URI file = first.resolve(HttpRules.PAGE_FILE);
            Response direct = fetcher.get(file, Fetcher.Body.PAGE);
            if (isPage(direct)) return CheckResult.fail(NAME, detail + "; " + file + " answers 200", folderIndexFix());
        }
        if (firstAnswer.failure() == Response.Failure.NONE && firstAnswer.status() / 100 == 3) {
            return CheckResult.fail(NAME, detail, "serve each page at the URL the portal prints, with a 200: remove the redirect"
                    + " rule for paths ending in / (a trailing-slash rewrite, a sign-in page), or fix base_url in site.yaml to the"
                    + " final https URL and rebuild");
        }
        return CheckResult.fail(NAME, detail, firstAnswer.fix("page"));
    }

    private static Set<URI> cap(Set<URI> urls, int max) {
        Set<URI> capped = new LinkedHashSet<>();
        for (URI u : urls) {
            if (capped.size() >= max) break;
            capped.add(u);
        }
        return capped;
    }

    /** The one line that says what makes a host answer folder URLs with their index.html. */
    static String folderIndexFix() {
        return "the host does not answer a folder URL (…/) with its " + HttpRules.PAGE_FILE + ", as S3's REST endpoint and"
                + " CloudFront do not on their own: attach otapress's CloudFront Function (deploy/cloudfront-index.js, printed in"
                + " server-config/s3.md) to the distribution on viewer request, or make the bucket's S3 website endpoint the"
                + " CDN's origin (R2: a Transform Rule; nginx in front: rewrite ^(.*)/$ $1/" + HttpRules.PAGE_FILE + ")";
    }

    private void fetchAll(Set<URI> urls, Map<URI, Response> answers, ExecutorService pool) {
        Map<URI, Future<Response>> running = new LinkedHashMap<>();
        for (URI url : urls) {
            if (answers.containsKey(url) || running.containsKey(url)) continue;
            running.put(url, pool.submit(() -> fetcher.get(url, Fetcher.Body.PAGE)));
        }
        for (Map.Entry<URI, Future<Response>> r : running.entrySet()) answers.put(r.getKey(), await(r.getValue()));
    }

    private static Response await(Future<Response> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failed(Response.Failure.NO_ANSWER, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            // Fetcher returns failures as data; anything else is a fault of its own, reported as an answer.
            return Response.failed(Response.Failure.NETWORK, String.valueOf(e.getCause()));
        }
    }

    /** A page answers 200 with HTML; a folder placeholder (200, empty, application/x-directory) is no page. */
    static boolean isPage(Response r) {
        return r.ok() && r.contentType().equals(PAGE_TYPE);
    }

    /**
     * The canonical URL a page names when it is another page than the one requested, else null.
     * otapress writes each page's URL as its canonical link; the base URL the portal was built with
     * may differ from the checked one (a staging host), so the paths below each base are compared.
     */
    private static String otherPage(URI base, URI url, Response page) {
        String below = url.getRawPath().substring(Math.min(base.getRawPath().length(), url.getRawPath().length()));
        if (below.isEmpty()) return null;
        Element canonical = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), url.toString())
                .selectFirst("link[rel=canonical][href]");
        if (canonical == null) return null;
        try {
            URI named = new URI(canonical.absUrl("href"));
            return named.getRawPath() != null && named.getRawPath().endsWith("/" + below) ? null : named.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String describe(Response r) {
        if (r.failure() != Response.Failure.NONE) return r.describe();
        if (r.ok()) {
            String type = r.contentType();
            return r.describe() + " with " + (type.isEmpty() ? "no Content-Type" : type) + (r.body().length == 0 ? ", empty" : "")
                    + ", not a page";
        }
        Matcher code = S3_ERROR_CODE.matcher(new String(r.body(), 0, Math.min(r.body().length, 4096), StandardCharsets.UTF_8));
        return r.describe() + (code.find() ? " (XML error " + code.group(1) + ")" : "");
    }

    /** The folder URLs (ending in '/') an HTML page links to under the portal's base, without query or fragment. */
    private static Set<URI> links(URI base, Response page) {
        Set<URI> links = new LinkedHashSet<>();
        if (page == null || !isPage(page)) return links;
        for (Element a : Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), base.toString()).select("a[href]")) {
            String href = a.attr("href");
            if (href.isEmpty() || href.startsWith("#")) continue;
            try {
                URI folder = folderUrl(base, new URI(a.absUrl("href")));
                if (folder != null) links.add(folder);
            } catch (URISyntaxException e) {
                // Not a URL a browser would follow either.
            }
        }
        return links;
    }

    /** The URL without query and fragment when it is a folder URL on the portal's origin under its base path, else null. */
    static URI folderUrl(URI base, URI url) {
        if (url == null || !url.isAbsolute() || url.getRawPath() == null) return null;
        if (!"https".equalsIgnoreCase(url.getScheme()) || !HostPolicy.origin(url).equals(HostPolicy.origin(base))) return null;
        String path = url.getRawPath();
        if (!path.endsWith("/") || !path.startsWith(base.getRawPath())) return null;
        try {
            return URI.create(url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getRawAuthority() + path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
