package dev.otapress.prune;

import dev.otapress.content.PrunedBuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.otapress.yaml.YamlText.quote;

/** The {@code pruned:} block of front matter, as lines (without line ends) in a fixed order. */
final class PrunedBlock {
    private PrunedBlock() {
    }

    static List<String> lines(PrunedBuild b) {
        List<String> y = new ArrayList<>();
        y.add(PrunedBuild.KEY + ":");
        y.add("  removed: " + time(b.removed()));
        y.add("  file: " + quote(b.file()));
        y.add("  size: " + b.size());
        y.add("  sha256: " + quote(b.sha256()));
        y.add("  bundle_id: " + quote(b.bundleId()));
        y.add("  version: " + quote(b.version()));
        y.add("  build: " + quote(b.build()));
        y.add("  name: " + quote(b.name()));
        y.add("  date: " + time(b.date()));
        if (b.minimumOs() != null) y.add("  minimum_os: " + quote(b.minimumOs()));
        if (!b.deviceFamilies().isEmpty()) {
            y.add("  device_families: [" + String.join(", ", b.deviceFamilies().stream().map(f -> quote(f)).toList()) + "]");
        }
        if (!b.includes().isEmpty()) {
            y.add("  includes:");
            for (PrunedBuild.Included i : b.includes()) {
                y.add("    - {bundle_id: " + quote(i.bundleId()) + ", type: " + quote(i.type()) + "}");
            }
        }
        if (b.profile() != null) {
            PrunedBuild.Profile p = b.profile();
            y.add("  profile:");
            y.add("    type: " + quote(p.type()));
            y.add("    name: " + quote(p.name()));
            if (p.team() != null) y.add("    team: " + quote(p.team()));
            y.add("    expires: " + time(p.expires()));
            y.add("    devices: " + p.devices());
        }
        if (b.signedBy() != null) y.add("  signed_by: " + quote(b.signedBy()));
        if (b.icon() != null) y.add("  icon: " + quote(b.icon()));
        return y;
    }

    /** An instant as front matter dates are read back: quoted, so no YAML reader makes it a timestamp type. */
    private static String time(Instant instant) {
        return quote(instant.toString());
    }
}
