package dev.otapress.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.add.AddRequest;
import dev.otapress.add.Added;
import dev.otapress.add.ReleaseAdder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code otapress add FILE.ipa}: the CI step after the archive and export. */
@Command(name = "add",
        description = {"Files a build into content/ as a new release folder, with its .ipa and an index.md.",
                "Refuses what the build would refuse, with the same messages, and changes nothing then."})
final class AddCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOption site;

    @Parameters(index = "0", paramLabel = "FILE.ipa", description = "The build to file.")
    Path ipa;

    @Option(names = "--notes", paramLabel = "FILE", description = "The release notes in Markdown; '-' reads them from"
            + " standard input (default: a line saying none were given).")
    String notes;

    @Option(names = {"-c", "--channel"}, paramLabel = "C", description = "The release channel (default: default_channel in site.yaml).")
    String channel;

    @Option(names = "--date", paramLabel = "D", description = "The release date, e.g. 2026-11-17 or 2026-11-17T14:30:00Z (default: now).")
    String date;

    @Option(names = "--title", paramLabel = "T", description = "The page title (default: the app's name and version).")
    String title;

    @Option(names = "--json", description = "Print the result as one JSON object on standard output; warnings go to standard error.")
    boolean json;

    @JsonPropertyOrder({"folder", "sitePath", "pageUrl", "gitAdd", "bundleIdentifier", "version", "build", "channel", "alreadyFiled"})
    record Report(String folder, String sitePath, String pageUrl, String gitAdd, String bundleIdentifier, String version,
                  String build, String channel, boolean alreadyFiled) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ErrorPrinter errors = new ErrorPrinter(spec.commandLine().getErr());
        Added added;
        try {
            added = new ReleaseAdder(Clock.systemUTC()).add(new AddRequest(site.dir(), ipa, notes(), channel, date, title,
                    Clock.systemUTC().instant()));
        } catch (BuildException e) {
            errors.print(e.diagnostics());
            long count = e.diagnostics().stream().filter(Diagnostic::isError).count();
            errors.hint(String.format(Locale.ROOT, "Not added: %d error%s; content/ was left as it was.", count, count == 1 ? "" : "s"));
            return Main.FAILED;
        }
        errors.print(added.warnings());
        String folder = ErrorPrinter.display(added.folder());
        String gitAdd = "git add " + shellQuote(folder);
        if (json) {
            out.println(json(new Report(folder, added.sitePath(), added.pageUrl(), gitAdd, added.bundleIdentifier(),
                    added.version(), added.build(), added.channel(), added.alreadyFiled())));
        } else {
            out.println((added.alreadyFiled() ? "Already filed, byte for byte: " : "Added ") + added.bundleIdentifier() + " "
                    + added.version() + " (" + added.build() + "), channel " + added.channel() + ", in " + folder + "/");
            out.println("Page after the next build and deploy: " + added.pageUrl());
            if (!added.alreadyFiled()) out.println(gitAdd);
        }
        out.flush();
        return Main.OK;
    }

    private String notes() throws IOException {
        if (notes == null) return null;
        if (notes.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Path file = Path.of(notes);
        if (!Files.isRegularFile(file)) throw new CliError("--notes " + notes + ": no such file");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CliError("--notes " + notes + " is not UTF-8 text; save it as UTF-8");
        }
    }

    private static String json(Report report) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(report);
    }

    /** A POSIX shell word: bare when safe, else single-quoted. */
    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9._/@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
