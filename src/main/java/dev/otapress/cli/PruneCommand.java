package dev.otapress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otapress.BuildException;
import dev.otapress.config.PrunePolicy;
import dev.otapress.config.SiteConfig;
import dev.otapress.prune.PruneApplier;
import dev.otapress.prune.PrunePlan;
import dev.otapress.prune.PrunePlanner;
import dev.otapress.prune.Pruned;
import dev.otapress.prune.Removal;
import dev.otapress.site.Release;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code otapress prune}: retention for a repository that grows by an .ipa a night. */
@Command(name = "prune",
        description = {"Removes the .ipa files of old releases and keeps their notes, pages and place in the history,"
                + " where they show as no longer available. Never the newest release of a channel, never a draft.",
                "Each index.md first records what the pages show of its build. The rules come from the options,"
                        + " else from prune: in site.yaml; without either nothing is removed."})
final class PruneCommand implements Callable<Integer> {
    static final String LFS_NOTE = "With Git LFS the repository keeps its copies until its own pruning"
            + " (git lfs prune here; the server's own retention for the remote).";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOption site;

    @Option(names = "--keep", paramLabel = "N", description = "Keep the .ipa of the newest N releases of each app and channel.")
    Integer keep;

    @Option(names = "--older-than", paramLabel = "DAYS", description = "Remove only the .ipa of releases dated more than DAYS days ago"
            + " (with --keep: only those that both rules let go).")
    Integer olderThan;

    @Option(names = {"-c", "--channel"}, paramLabel = "C", description = "Prune only this channel (repeatable; default: every"
            + " channel, or site.yaml's prune.channels).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--dry-run", description = "List what would be removed and the bytes freed; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as one JSON object on standard output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ErrorPrinter errors = new ErrorPrinter(spec.commandLine().getErr());
        Path siteDir = site.dir();
        PrunePolicy rules = rules();
        for (String c : channels) {
            if (!SiteConfig.Channel.isName(c)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--channel '" + c + "' is not a channel name such as nightly or beta");
            }
        }
        PrunePlan plan;
        try {
            plan = new PrunePlanner(Clock.systemUTC()).plan(siteDir, rules, channels);
        } catch (BuildException e) {
            errors.print(e.diagnostics());
            errors.hint("Nothing was pruned; content/ was left as it was.");
            return Main.FAILED;
        }
        errors.print(plan.warnings());
        if (dryRun) {
            if (json) out.println(json(plan, plan.removals(), true, null));
            else print(out, plan, plan.removals(), true);
            out.flush();
            return Main.OK;
        }
        Pruned pruned = new PruneApplier(Clock.systemUTC()).apply(plan);
        if (json) out.println(json(plan, pruned.removed(), false, pruned));
        else print(out, plan, pruned.removed(), false);
        out.flush();
        if (pruned.failure() != null) {
            errors.print(pruned.failure());
            errors.hint("Run otapress prune again once that is fixed: it finishes what was started.");
            return Main.FAILED;
        }
        return Main.OK;
    }

    /** The command line's rules, or null for site.yaml's. */
    private PrunePolicy rules() {
        if (keep == null && olderThan == null) return null;
        if (keep != null && keep < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be 1 or more: the newest release of each"
                    + " app and channel always keeps its .ipa");
        }
        if (olderThan != null && olderThan < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--older-than must be 1 or more");
        return new PrunePolicy(keep, olderThan, channels);
    }

    private static void print(PrintWriter out, PrunePlan plan, List<Removal> removals, boolean dryRun) {
        out.println("Policy" + (plan.fromSiteYaml() ? " (site.yaml)" : "") + ": " + describe(plan.policy()) + ".");
        if (removals.isEmpty()) {
            out.println("Nothing to prune: every .ipa is kept by the policy.");
            return;
        }
        for (Removal r : removals) {
            Release release = r.release();
            out.printf(Locale.ROOT, "  %s  %s  %s %s (%s), %s, %s: %s%n", ErrorPrinter.display(r.ipa()),
                    BuildCommand.megabytes(r.size()), release.bundleIdentifier(), release.version(), release.build(),
                    release.channel(), DAY.format(release.date()), r.why());
        }
        long bytes = removals.stream().mapToLong(Removal::size).sum();
        int n = removals.size();
        String files = n + " .ipa file" + (n == 1 ? "" : "s");
        if (dryRun) {
            out.println("Dry run: would remove " + files + ", freeing " + BuildCommand.megabytes(bytes) + " in the working tree;"
                    + " nothing was changed.");
        } else {
            out.println("Removed " + files + ", " + BuildCommand.megabytes(bytes) + "; their notes and pages stay and show them"
                    + " as no longer available.");
            out.println("Commit the change: git add -A " + AddCommand.shellQuote(ErrorPrinter.display(plan.siteDir().resolve("content"))));
        }
        out.println(LFS_NOTE);
    }

    private static String describe(PrunePolicy p) {
        List<String> rules = new ArrayList<>();
        if (p.keep() != null) rules.add("keep the newest " + p.keep() + " of each app and channel");
        if (p.olderThanDays() != null) rules.add("remove only releases older than " + p.olderThanDays() + " days");
        return String.join(", ", rules) + (p.channels().isEmpty() ? ", every channel" : ", channels " + String.join(", ", p.channels()));
    }

    private static String json(PrunePlan plan, List<Removal> removals, boolean dryRun, Pruned pruned) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("dryRun", dryRun);
        ObjectNode policy = o.putObject("policy");
        policy.put("source", plan.fromSiteYaml() ? "site.yaml" : "options");
        if (plan.policy().keep() != null) policy.put("keep", plan.policy().keep());
        if (plan.policy().olderThanDays() != null) policy.put("olderThanDays", plan.policy().olderThanDays());
        ArrayNode chs = policy.putArray("channels");
        plan.policy().channels().forEach(chs::add);
        ArrayNode list = o.putArray(dryRun ? "wouldRemove" : "removed");
        for (Removal r : removals) {
            Release release = r.release();
            ObjectNode e = list.addObject();
            e.put("file", ErrorPrinter.display(r.ipa()));
            e.put("sitePath", release.sitePath());
            e.put("bundleIdentifier", release.bundleIdentifier());
            e.put("version", release.version());
            e.put("build", release.build());
            e.put("channel", release.channel());
            e.put("date", release.date().toString());
            e.put("size", r.size());
            e.put("sha256", release.facts().ipa().sha256());
            e.put("why", r.why());
            e.put("unfinished", r.unfinished());
        }
        o.put("bytes", removals.stream().mapToLong(Removal::size).sum());
        if (pruned != null) {
            o.put("removedOn", pruned.at().toString());
            o.put("notPruned", plan.removals().size() - removals.size());
            if (pruned.failure() != null) o.put("error", ErrorPrinter.format(pruned.failure()));
            o.put("gitAdd", "git add -A " + AddCommand.shellQuote(ErrorPrinter.display(plan.siteDir().resolve("content"))));
        }
        o.put("gitLfs", LFS_NOTE);
        return o.toString();
    }
}
