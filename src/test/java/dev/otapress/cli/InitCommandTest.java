package dev.otapress.cli;

import dev.otapress.config.SiteConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void initThenBuild() throws Exception {
        Path site = dir.resolve("portal");
        assertEquals(Main.OK, run("init", site.toString()), err.toString());
        for (String f : InitCommand.FILES.values()) assertTrue(Files.isRegularFile(site.resolve(f)), f);
        assertEquals(Main.OK, run("build", "-s", site.toString()), err.toString());
        assertTrue(Files.isRegularFile(site.resolve("public/index.html")));
        assertTrue(err.toString().contains("holds no release"), err.toString());
    }

    @Test
    void writesEverySiteYamlKey() throws Exception {
        assertEquals(Main.OK, run("init", dir.toString()), err.toString());
        String yaml = Files.readString(dir.resolve("site.yaml"));
        for (String key : SiteConfigLoader.topKeys()) assertTrue(yaml.contains(key + ":"), "init's site.yaml lacks " + key);
        for (String key : SiteConfigLoader.checkKeys()) assertTrue(yaml.contains(key + ":"), "init's site.yaml lacks checks." + key);
        // Uncommenting every optional key gives a file the loader accepts.
        String all = yaml.replaceAll("(?m)^# ?(?=[a-z_ -]*[a-z_]+:|  - |#)", "").replaceAll("(?m)^#.*$", "");
        Files.writeString(dir.resolve("site.yaml"), all);
        new SiteConfigLoader().load(dir, null);
    }

    @Test
    void refusesAFolderThatIsAlreadyAPortal() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), "title: Mine\n");
        assertEquals(Main.FAILED, run("init", dir.toString()));
        assertTrue(err.toString().contains("exists already"), err.toString());
        assertEquals("title: Mine\n", Files.readString(dir.resolve("site.yaml")));
    }
}
