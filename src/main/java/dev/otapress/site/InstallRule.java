package dev.otapress.site;

import dev.otapress.Diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides each release's state. A check that would stop an install fails the build only for the
 * release people are told to install, the newest of the default channel; any other release it
 * stops stays published, marked as no longer installable, with one warning. So the day an old
 * release's profile expires, or a pilot channel is abandoned, the nightly build still passes.
 */
final class InstallRule {

    record Outcome(List<App> apps, List<Diagnostic> diagnostics) {
        Outcome {
            apps = List.copyOf(apps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    Outcome apply(List<App> apps, String defaultChannel) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<App> out = new ArrayList<>();
        for (App app : apps) {
            Release recommended = app.releases().stream().filter(r -> r.channel().equals(defaultChannel)).findFirst().orElse(null);
            if (recommended != null && recommended.state().reason() == ReleaseState.Reason.IPA_PRUNED) {
                // otapress prune never does this; a newer release folder was removed, or the block was written by hand.
                diagnostics.add(Diagnostic.warning(recommended.folder(), "is the newest " + defaultChannel + " build of " + app.name()
                        + ", the one people are told to install, but its .ipa was pruned: add a newer build, or put the .ipa"
                        + " back and delete the 'pruned:' block of its index.md"));
            }
            List<Release> releases = new ArrayList<>();
            for (Release r : app.releases()) {
                if (r.stops().isEmpty() || !r.state().installable()) {
                    releases.add(r);
                } else if (r == recommended) {
                    for (Release.Stop s : r.stops()) {
                        diagnostics.add(Diagnostic.error(ipaFile(r), s.message() + " (it is the newest " + defaultChannel
                                + " build of " + app.name() + ", the one people are told to install)"));
                    }
                    releases.add(r);
                } else {
                    Release.Stop first = r.stops().get(0);
                    diagnostics.add(Diagnostic.warning(ipaFile(r), "can no longer be installed (" + first.because()
                            + "): published with its notes but without an install link, since it is not the newest "
                            + defaultChannel + " build of " + app.name()));
                    releases.add(r.withState(ReleaseState.notInstallable(first.reason(), first.because())));
                }
            }
            out.add(new App(app.bundleIdentifier(), app.name(), releases));
        }
        return new Outcome(out, diagnostics);
    }

    /** The file these messages name: a check found the problem in the .ipa. */
    private static Path ipaFile(Release r) {
        return r.folder().resolve(r.facts().ipa().fileName());
    }
}
