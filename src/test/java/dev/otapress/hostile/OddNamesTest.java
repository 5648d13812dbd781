package dev.otapress.hostile;

import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names left by a Windows archive or a careless script: refused with the file named, never a crash. */
class OddNamesTest {
    @TempDir
    Path dir;

    private TestSite site() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("app/1.0", "App.ipa", HostileInputTest.goodIpa("App", "com.example.app"));
        return site;
    }

    @Test
    void aBackslashInAFileOrFolderNameIsRefusedNamingIt() throws Exception {
        for (String name : List.of("app/1.0/shots\\one.png", "app\\2.0/App.ipa", "app/1.0/bell\u0007.png")) {
            TestSite site = site();
            Path odd = site.root().resolve("content").resolve(name);
            Files.createDirectories(odd.getParent());
            Files.write(odd, new byte[] {1});
            HostileInputTest.Outcome built = HostileInputTest.build(site.root());
            assertEquals(1, built.code(), name + ": " + built.err());
            String shown = name.contains("\\") ? name.substring(0, name.indexOf('\\')) : "bell";
            assertTrue(built.err().contains(shown), name + ": " + built.err());
            assertTrue(built.err().contains("cannot be part of a web address"), built.err());
            assertFalse(built.err().contains("unexpected failure"), built.err());
            assertFalse(built.err().contains("\u0007"), "control characters are escaped for the terminal: " + built.err());
            assertFalse(Files.exists(site.out()), "nothing is written");
            deleteTree(site.root());
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
