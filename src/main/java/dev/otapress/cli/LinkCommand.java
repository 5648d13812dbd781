package dev.otapress.cli;

import dev.otapress.link.InstallLinkForms;
import dev.otapress.link.LinkExplainer;
import dev.otapress.link.LinkFault;
import dev.otapress.link.ManifestUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code otapress link}: writes an install link three ways, or explains what is wrong with one. */
@Command(name = "link",
        description = {"Prints the install link for a manifest URL: plain (email, chat, JSON), for HTML, and as Markdown.",
                "With --explain, names each mistake in a pasted link or HTML snippet and prints the corrected link."})
final class LinkCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-e", "--explain"}, description = "Read TEXT as a pasted install link or HTML snippet"
            + " ('-' reads it from standard input) and explain it; exit 1 when anything is wrong.")
    boolean explain;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The manifest's https URL; with --explain, a link or HTML snippet.")
    String text;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String input = text.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : text;
        if (explain) return explain(out, input);
        String manifest = ManifestUrl.normalize(input);
        if (manifest == null) {
            throw new CliError("'" + input.strip() + "' is not an absolute URL; give the manifest's URL, such as"
                    + " https://apps.example.com/ios/app/1.0/manifest.plist");
        }
        if (ManifestUrl.isHttp(manifest)) {
            throw new CliError("iOS fetches manifests only over HTTPS, with a certificate the device trusts;"
                    + " serve the portal over https:// and give that URL");
        }
        print(out, InstallLinkForms.of(manifest));
        return Main.OK;
    }

    private int explain(PrintWriter out, String input) {
        LinkExplainer.Explanation e = new LinkExplainer().explain(input);
        if (e.correct()) {
            out.println("✓ The link is correct: iOS fetches the manifest at " + e.corrected().orElseThrow().manifestUrl());
            out.flush();
            return Main.OK;
        }
        for (LinkFault f : e.faults()) {
            out.println("✗ " + f.kind().title() + ": " + f.explanation());
        }
        if (e.corrected().isPresent()) {
            out.println();
            out.println("Corrected:");
            print(out, e.corrected().get());
        } else {
            out.println("No corrected link can be given until the faults above are fixed.");
        }
        out.flush();
        return Main.FAILED;
    }

    private static void print(PrintWriter out, InstallLinkForms link) {
        out.println("Plain (email, chat, JSON):  " + link.plain());
        out.println("HTML:                       " + link.html());
        out.println("Markdown:                   " + link.markdown());
        out.flush();
    }
}
