package dev.otapress.doctor;

import dev.otapress.render.ItmsServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The install links of a home page, for portals without releases.json (other tools, older builds). */
final class HomePageLinks {

    private HomePageLinks() {
    }

    static List<ListedRelease> releases(byte[] html, URI base) {
        List<ListedRelease> releases = new ArrayList<>();
        for (Element a : Jsoup.parse(new String(html, StandardCharsets.UTF_8), base.toString()).select("a[href^=" + ItmsServices.SCHEME + ":]")) {
            String link = a.attr("href");
            URI manifest = InstallLink.parse(link).manifestUrl().flatMap(ListedRelease::uri).orElse(null);
            releases.add(new ListedRelease("", "", "", "", Optional.empty(), link, manifest, null, OptionalLong.empty(), null));
        }
        return releases;
    }
}
