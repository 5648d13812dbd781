package dev.otapress.pipeline;

import dev.otapress.content.PrunedBuild;
import dev.otapress.ipa.DeviceFamily;
import dev.otapress.ipa.ProvisioningProfile;
import dev.otapress.site.ReleaseFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one mapping between what the pages print of a build ({@link ReleaseFacts}) and what a
 * release's front matter keeps of it once its .ipa is pruned ({@link PrunedBuild}): prune records
 * through it and the build reads back through it, so a pruned release's page shows what it showed.
 */
public final class PrunedFacts {
    private PrunedFacts() {
    }

    /**
     * What front matter records of a build. Values are read back stripped, blank optional ones as
     * absent, so they are recorded that way.
     *
     * @param date the release's date
     * @param icon the PNG file kept in the release folder for its icon, or null
     */
    public static PrunedBuild record(ReleaseFacts facts, Instant date, Instant removed, String icon) {
        ReleaseFacts.App app = facts.app();
        ReleaseFacts.Profile p = facts.profile();
        List<String> families = new ArrayList<>();
        for (String label : app.devices()) {
            families.add(Arrays.stream(DeviceFamily.values()).filter(f -> f.label().equals(label)).findFirst()
                    .map(DeviceFamily::id).orElseThrow(() -> new IllegalArgumentException("unknown device family " + label)));
        }
        return new PrunedBuild(removed, facts.ipa().fileName(), facts.ipa().size(), facts.ipa().sha256(), app.bundleIdentifier().strip(),
                app.version().strip(), app.build().strip(), app.name().strip(), date, optional(app.minimumOSVersion()), families,
                app.nested().stream().map(n -> new PrunedBuild.Included(n.bundleIdentifier().strip(), n.kind())).toList(),
                p == null ? null : new PrunedBuild.Profile(p.type().id(), p.name().strip(), optional(p.teamName()), p.expires(), p.devices()),
                p == null ? null : optional(p.signedBy()), icon);
    }

    /**
     * The recorded facts as the pages read them. The profile's device list is not recorded: a
     * pruned build is never installed, so no page checks a device against it.
     *
     * @throws IllegalArgumentException naming the recorded value that is not one otapress knows
     */
    public static ReleaseFacts facts(PrunedBuild b) {
        List<String> devices = new ArrayList<>();
        for (String id : b.deviceFamilies()) {
            devices.add(Arrays.stream(DeviceFamily.values()).filter(f -> f.id().equals(id)).findFirst().map(DeviceFamily::label)
                    .orElseThrow(() -> unknown("device_families", id, Arrays.stream(DeviceFamily.values()).map(DeviceFamily::id).toList())));
        }
        List<ReleaseFacts.Nested> nested = b.includes().stream().map(i -> new ReleaseFacts.Nested(i.bundleId(), i.type())).toList();
        ReleaseFacts.App app = new ReleaseFacts.App(b.bundleId(), b.name(), b.version(), b.build(), b.minimumOs(), devices, nested);
        ReleaseFacts.Profile profile = null;
        if (b.profile() != null) {
            PrunedBuild.Profile p = b.profile();
            ProvisioningProfile.Type type = Arrays.stream(ProvisioningProfile.Type.values()).filter(t -> t.id().equals(p.type()))
                    .findFirst().orElseThrow(() -> unknown("profile type", p.type(),
                            Arrays.stream(ProvisioningProfile.Type.values()).map(ProvisioningProfile.Type::id).toList()));
            profile = new ReleaseFacts.Profile(type, p.name(), p.team(), p.expires(), p.devices(), List.of(), b.signedBy());
        }
        return new ReleaseFacts(app, new ReleaseFacts.Ipa(b.file(), b.size(), b.sha256()), profile);
    }

    private static String optional(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static IllegalArgumentException unknown(String what, String value, List<String> known) {
        return new IllegalArgumentException("its 'pruned:' block gives " + what + " '" + value + "', which is not one of "
                + String.join(", ", known) + "; restore the block from version control (git log -p -- index.md)");
    }
}
