package dev.otapress.config;

import java.util.List;
import java.util.Objects;

/**
 * Which .ipa files {@code otapress prune} may remove, from site.yaml's {@code prune:} or the
 * command line. An .ipa goes only when every rule given lets it go: deletion cannot be undone, so
 * two rules keep more, never less. Drafts, the newest release of each app and channel, and the
 * newest one of each that still has its .ipa are always kept.
 *
 * @param keep          the newest this many releases of each app and channel keep their .ipa; null: no count rule
 * @param olderThanDays only releases dated more than this many days ago lose it; null: no age rule
 * @param channels      the channels pruned; empty for all
 */
public record PrunePolicy(Integer keep, Integer olderThanDays, List<String> channels) {
    public PrunePolicy {
        if (keep == null && olderThanDays == null) throw new IllegalArgumentException("a prune policy needs keep or older_than_days");
        if (keep != null && keep < 1) throw new IllegalArgumentException("keep must be 1 or more: " + keep);
        if (olderThanDays != null && olderThanDays < 1) throw new IllegalArgumentException("older_than_days must be 1 or more: " + olderThanDays);
        channels = List.copyOf(channels);
        for (String c : channels) {
            if (!SiteConfig.Channel.isName(Objects.requireNonNull(c, "channel"))) throw new IllegalArgumentException("'" + c + "' is not a channel name");
        }
    }

    /** Whether this policy prunes the channel. */
    public boolean covers(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** The same rules for other channels (a command line's --channel narrowing site.yaml's policy). */
    public PrunePolicy withChannels(List<String> names) {
        return new PrunePolicy(keep, olderThanDays, names);
    }
}
