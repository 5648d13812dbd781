package dev.otapress.cli;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line itself: typos, short options, shared options and the one error format. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aMistypedCommandGetsADidYouMeanAndTheListOfCommands() {
        assertEquals(Main.USAGE, run("biuld"));
        assertTrue(err.toString().contains("unknown command 'biuld'; did you mean 'build'?"), err.toString());
        assertTrue(err.toString().contains("Commands: init, build, add, prune, "), err.toString());
    }

    @Test
    void aMistypedOptionGetsADidYouMean() {
        assertEquals(Main.USAGE, run("build", "--drfts"));
        assertTrue(err.toString().contains("unknown option '--drfts'; did you mean '--drafts'?"), err.toString());
        assertTrue(err.toString().contains("Run 'otapress build --help' for usage."), err.toString());
    }

    @Test
    void versionIsOnlyATopLevelOption() {
        assertEquals(Main.OK, run("--version"));
        assertTrue(out.toString().startsWith("otapress "), out.toString());
        assertEquals(Main.USAGE, run("build", "--version"));
    }

    @Test
    void everyCommandHasHelpAndVerbose() {
        for (String command : Main.commandLine(new Main(), new String[0]).getSubcommands().keySet()) {
            if (command.equals("help")) continue;
            StringWriter help = new StringWriter();
            assertEquals(Main.OK, Main.run(new String[] {command, "--help"}, new PrintWriter(help), new PrintWriter(err)));
            assertTrue(help.toString().contains("--verbose"), command + ": " + help);
            assertFalse(help.toString().contains("--version"), command + ": " + help);
        }
    }

    @Test
    void everyCommandIsListedUnderItsOwnName() {
        for (Map.Entry<String, Class<?>> command : Main.COMMANDS) {
            assertEquals(command.getKey(), new picocli.CommandLine(command.getValue()).getCommandName());
        }
    }

    @Test
    void aCommandLineGetsOnlyTheCommandItNamesAndHelpGetsThemAll() {
        assertEquals(Set.of("build"), Main.commandLine(new Main(), new String[] {"build", "-s", "x"}).getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"help", "build"}, {"--help"}, {"biuld"}, {"--", "build"}}) {
            assertEquals(Main.COMMANDS.size(), Main.commandLine(new Main(), args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void aSiteFolderThatDoesNotExistIsNamedAsSuch() {
        assertEquals(Main.FAILED, run("build", "--site", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("--site " + dir.resolve("nope") + ": no such folder"), err.toString());
        assertFalse(err.toString().contains("content folder not found"), err.toString());
    }

    @Test
    void shortOptionsMatchHugos() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("app/1.0", "App.ipa", TestIpa.app("App", "com.example.app").version("1.0", "1").enterpriseSigned());
        site.release("app/1.1", "App.ipa", TestIpa.app("App", "com.example.app").version("1.1", "2").enterpriseSigned());
        site.notes("app/1.1", "---\ndraft: true\n---\n");
        Path out = dir.resolve("elsewhere");
        assertEquals(Main.OK, run("build", "-s", site.root().toString(), "-d", out.toString(), "-D",
                "-b", "https://staging.example.com/ios/"), err.toString());
        assertTrue(Files.isRegularFile(out.resolve("app/1.1/manifest.plist")), "the draft was built with -D");
        assertTrue(Files.readString(out.resolve("app/1.0/manifest.plist")).contains("https://staging.example.com/ios/"));
    }
}
