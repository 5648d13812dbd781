package dev.otapress.pipeline;

import dev.otapress.content.ReleaseSource;
import dev.otapress.render.SourceFiles;
import dev.otapress.site.Release;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The folders a build read its releases from, by site path. The pipeline keeps them for the steps
 * that copy files and for messages that name them; the model and the pages never see them.
 */
public record ReleaseSources(Map<String, ReleaseSource> bySitePath) implements SourceFiles {
    public ReleaseSources {
        bySitePath = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySitePath));
    }

    public static ReleaseSources of(List<ReleaseSource> sources) {
        Map<String, ReleaseSource> map = new LinkedHashMap<>();
        for (ReleaseSource s : sources) map.put(s.sitePath(), s);
        return new ReleaseSources(map);
    }

    /** Where the release was read from. */
    public ReleaseSource of(Release release) {
        return Objects.requireNonNull(bySitePath.get(release.sitePath()), () -> "no source for " + release.sitePath());
    }

    @Override
    public Path ipa(Release release) {
        return of(release).ipa();
    }

    @Override
    public List<Path> assets(Release release) {
        return of(release).assets();
    }
}
