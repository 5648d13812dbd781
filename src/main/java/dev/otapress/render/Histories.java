package dev.otapress.render;

import dev.otapress.site.App;
import dev.otapress.site.Release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each app's history indexed once: a release's place in its app and in its channel, the newest
 * release of each channel, and the split into pages. Every question pages ask is then answered in
 * constant time, so rendering stays linear in the history.
 */
final class Histories {
    /** Releases per history page. */
    static final int PAGE_SIZE = 50;

    private final Map<Release, App> appOf = new IdentityHashMap<>();
    private final Map<Release, Integer> index = new IdentityHashMap<>();
    private final Map<Release, Integer> ordinal = new IdentityHashMap<>();
    private final Map<Release, Integer> indexInChannel = new IdentityHashMap<>();
    private final Map<App, Map<String, List<Release>>> byChannel = new IdentityHashMap<>();

    Histories(List<App> apps) {
        for (App app : apps) {
            Map<String, List<Release>> channels = new HashMap<>();
            for (int i = 0; i < app.releases().size(); i++) {
                Release r = app.releases().get(i);
                appOf.put(r, app);
                index.put(r, i);
                ordinal.put(r, ordinal.size());
                List<Release> inChannel = channels.computeIfAbsent(r.channel(), c -> new ArrayList<>());
                indexInChannel.put(r, inChannel.size());
                inChannel.add(r);
            }
            byChannel.put(app, channels);
        }
    }

    App appOf(Release r) {
        return appOf.get(r);
    }

    /** The release's place in its app's history, 0 being the newest. */
    int index(Release r) {
        return index.get(r);
    }

    /** A number unique to the release within the site. */
    int ordinal(Release r) {
        return ordinal.get(r);
    }

    /** The newest release of a channel in an app, or null when the app has none in it. */
    Release newestOfChannel(App app, String channel) {
        List<Release> releases = byChannel.get(app).get(channel);
        return releases == null ? null : releases.get(0);
    }

    /** Up to {@code limit} releases of the same channel just before {@code r}, newest first. */
    List<Release> earlierInChannel(Release r, int limit) {
        List<Release> channel = byChannel.get(appOf(r)).get(r.channel());
        int from = indexInChannel.get(r) + 1;
        return channel.subList(Math.min(from, channel.size()), Math.min(from + limit, channel.size()));
    }

    /** How many history pages the app has; the newest has this number. */
    int pageCount(App app) {
        return (app.releases().size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    /**
     * The releases on page {@code number}, newest first. Pages are counted from the oldest release,
     * so page 1 always holds the same 50 and a new build only ever changes the newest page.
     */
    List<Release> page(App app, int number) {
        int n = app.releases().size();
        int oldestFirstStart = (number - 1) * PAGE_SIZE;
        int oldestFirstEnd = Math.min(number * PAGE_SIZE, n);
        return app.releases().subList(n - oldestFirstEnd, n - oldestFirstStart);
    }
}
