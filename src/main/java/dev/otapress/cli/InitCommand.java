package dev.otapress.cli;

import dev.otapress.config.SiteConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code otapress init [DIR]}: a new portal, every site.yaml key written out and commented. */
@Command(name = "init",
        description = {"Creates a new portal: a commented site.yaml, content/ with a note on its layout,",
                ".gitignore, .gitattributes for Git LFS (commented) and CI examples. Existing files are kept."})
final class InitCommand implements Callable<Integer> {

    /** Resource name → path in the new site. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("site.yaml", SiteConfigLoader.FILE_NAME);
        FILES.put("content-README.md", "content/README.md");
        FILES.put("gitignore", ".gitignore");
        FILES.put("gitattributes", ".gitattributes");
        FILES.put("github-actions.yml", "ci-examples/github-actions.yml");
        FILES.put("gitlab-ci.yml", "ci-examples/gitlab-ci.yml");
        FILES.put("Fastfile", "ci-examples/Fastfile");
        FILES.put("Jenkinsfile", "ci-examples/Jenkinsfile");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The new site's folder (default: the current folder).")
    Path dir = Path.of(".");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(dir.resolve(SiteConfigLoader.FILE_NAME))) {
            throw new CliError(ErrorPrinter.display(dir.resolve(SiteConfigLoader.FILE_NAME)) + " exists already: "
                    + ErrorPrinter.display(dir.toAbsolutePath()) + " is a portal; init writes into a new or empty folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new CliError(dir + " is a file, not a folder");
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path target = dir.resolve(f.getValue());
            if (Files.exists(target)) {
                out.println("kept     " + ErrorPrinter.display(target) + " (it exists)");
                continue;
            }
            Files.createDirectories(target.getParent() == null ? dir : target.getParent());
            try (InputStream in = InitCommand.class.getResourceAsStream("/dev/otapress/init/" + f.getKey())) {
                if (in == null) throw new IOException("missing resource " + f.getKey());
                Files.write(target, in.readAllBytes());
            }
            out.println("wrote    " + ErrorPrinter.display(target));
        }
        out.println("Next: set title and base_url in site.yaml, then 'otapress add MyApp.ipa' and 'otapress build'.");
        out.flush();
        return Main.OK;
    }
}
