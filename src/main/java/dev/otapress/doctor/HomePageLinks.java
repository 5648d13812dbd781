package dev.otapress.doctor;

import dev.otapress.render.ItmsServices;
import dev.otapress.render.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The install links a portal's pages offer, for portals without releases.json (other tools, older
 * builds, a listing that was not deployed). An otapress home page shows apps, not histories: it
 * leads to each app's page, which links every page of that app's history, and those pages hold
 * a row for every release. So the home page is read, then the app and history pages it leads to
 * (by their paths, whatever the theme), one at a time, each within the check's request limits,
 * at most {@link CheckLimits#maxPages()} pages. Release pages are not read: the rows carry their
 * install links. A release offered on several pages is counted once.
 */
final class HomePageLinks {

    /**
     * @param releases  one per distinct install link, in the order the pages showed them
     * @param pagesRead pages read, the home page included
     * @param unread    pages found but not read because the page limit was reached
     */
    record Found(List<ListedRelease> releases, int pagesRead, int unread) {
        Found {
            releases = List.copyOf(releases);
        }
    }

    private final Fetcher fetcher;
    private final URI base;
    private final Map<String, ListedRelease> byLink = new LinkedHashMap<>();
    private final Deque<URI> toRead = new ArrayDeque<>();
    private final Set<URI> seen = new HashSet<>();

    private HomePageLinks(Fetcher fetcher, URI base) {
        this.fetcher = fetcher;
        this.base = base;
    }

    /** @param home the home page's body, already fetched from {@code base} */
    static Found releases(Fetcher fetcher, URI base, byte[] home) {
        return new HomePageLinks(fetcher, base).read(home);
    }

    private Found read(byte[] home) {
        seen.add(base);
        collect(home, base);
        int read = 1;
        int max = fetcher.limits().maxPages();
        while (!toRead.isEmpty() && read < max) {
            URI page = toRead.poll();
            Response answer = fetcher.get(page, Fetcher.Body.PAGE);
            read++;
            // A page that does not answer as a page is the page check's to report; here it just lists nothing.
            if (PageCheck.isPage(answer)) collect(answer.body(), page);
        }
        return new Found(List.copyOf(byLink.values()), read, toRead.size());
    }

    private void collect(byte[] html, URI page) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8), page.toString());
        for (Element a : doc.select("a[href^=" + ItmsServices.SCHEME + ":]")) {
            String link = a.attr("href");
            if (byLink.containsKey(link)) continue;
            URI manifest = InstallLink.parse(link).manifestUrl().flatMap(ListedRelease::uri).orElse(null);
            byLink.put(link, new ListedRelease("", "", "", "", Optional.empty(), link, manifest, null, OptionalLong.empty(), null));
        }
        for (Element a : doc.select("a[href]")) {
            URI folder = folder(a.absUrl("href"));
            if (folder != null && seen.add(folder)) toRead.add(folder);
        }
    }

    /** An app or history page of this portal, or null for any other link. */
    private URI folder(String href) {
        if (href.isEmpty()) return null;
        URI folder;
        try {
            folder = PageCheck.folderUrl(base, new URI(href));
        } catch (URISyntaxException e) {
            return null;
        }
        if (folder == null) return null;
        return Urls.listsReleases(folder.getRawPath().substring(base.getRawPath().length())) ? folder : null;
    }
}
