package dev.otapress.render;

import dev.otapress.Diagnostic;
import dev.otapress.output.OutputFile;
import dev.otapress.site.Release;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * &lt;release folder&gt;/icon-57.png and icon-512.png, the manifest's display-image and
 * full-size-image, and icon-120.png and icon-180.png, what pages draw; a placeholder drawn from the app's name where the IPA has no usable icon.
 */
final class ReleaseIcons implements OutputKind {
    @Override
    public List<Planned> plan(RenderContext context) {
        List<Planned> planned = new ArrayList<>();
        for (Release r : context.site().releases()) {
            for (IconSize size : IconSize.values()) {
                String path = Urls.icon(r, size);
                planned.add(new Planned(path, r.folder(), (c, report) -> {
                    ScaledIcons.Scaled icon = c.icons().scaled(r.iconPng(), r.facts().app().name(), size);
                    // Reported once per release, with the larger size, though both fall back.
                    if (icon.failure() != null && size == IconSize.FULL_SIZE_IMAGE) {
                        report.accept(Diagnostic.warning(Objects.requireNonNullElse(c.files().ipa(r), r.folder()), "its icon cannot be scaled ("
                                + icon.failure() + "); a placeholder is used"));
                    }
                    OutputFile earlier = icon.failure() == null ? c.reuse().made(path, icon.inputs()) : null;
                    return earlier != null ? earlier : new OutputFile.Bytes(path, icon.png());
                }));
            }
        }
        return planned;
    }
}
