package dev.otapress.pipeline;

import dev.otapress.codesign.CodeSignature;
import dev.otapress.ipa.AppInfo;
import dev.otapress.ipa.DeviceFamily;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.ProvisioningProfile;
import dev.otapress.site.ReleaseFacts;

/** What the pages print of an .ipa, taken from all that was read from it. */
final class IpaFacts {
    private IpaFacts() {
    }

    /** @param fileName the .ipa's name in its release folder, which the published copy keeps */
    static ReleaseFacts of(IpaInfo ipa, String fileName) {
        AppInfo a = ipa.app();
        ReleaseFacts.App app = new ReleaseFacts.App(a.bundleIdentifier(), a.name(), a.version(), a.build(), a.minimumOSVersion(),
                a.deviceFamilies().stream().map(DeviceFamily::label).toList(),
                ipa.extensions().stream().map(e -> new ReleaseFacts.Nested(e.bundleIdentifier(), e.type().id())).toList());
        ReleaseFacts.Ipa file = new ReleaseFacts.Ipa(fileName, ipa.size(), ipa.sha256());
        ProvisioningProfile p = ipa.profile();
        ReleaseFacts.Profile profile = p == null ? null : new ReleaseFacts.Profile(p.type(), p.name(), p.teamName(), p.expires(),
                p.devices(), p.deviceIds(), signedBy(p, ipa.codeSignature()));
        return new ReleaseFacts(app, file, profile);
    }

    /** The team that signed an intact build, as "Name (TEAMID)"; null when that is not known for sure. */
    private static String signedBy(ProvisioningProfile p, CodeSignature s) {
        if (s.status() != CodeSignature.Status.VALID || s.signer() == null || s.teamIdentifier() == null) return null;
        String name = s.signer().organization() != null ? s.signer().organization() : p.teamName();
        return (name == null ? "" : name + " ") + "(" + s.teamIdentifier() + ")";
    }
}
