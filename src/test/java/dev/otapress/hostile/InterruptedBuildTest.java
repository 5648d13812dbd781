package dev.otapress.hostile;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds that race each other or die half-way never leave a broken or missing portal. */
class InterruptedBuildTest {
    @TempDir
    Path dir;

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("a/1.0", "A.ipa", HostileInputTest.goodIpa("A", "com.example.a"));
        site.release("b/2.0", "B.ipa", HostileInputTest.goodIpa("B", "com.example.b").version("2.0", "20"));
        site.notes("a/1.0", "---\ntitle: A\n---\nNotes.\n");
        return site;
    }

    /** What a build alone, into a folder nobody else touches, writes. */
    private Map<String, String> cleanBuild(TestSite site) throws IOException {
        Path clean = dir.resolve("clean/public");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "--site", site.root().toString(), "--out", clean.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return TreeSnapshot.of(clean);
    }

    private static List<String> leftovers(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".otapress-new") || n.startsWith(".otapress-old")).toList();
        }
    }

    @Test
    void concurrentBuildsIntoOneOutputNeverCorruptIt() throws Exception {
        TestSite site = site();
        Map<String, String> expected = cleanBuild(site);
        int successes = 0;
        for (int round = 0; round < 4; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HostileInputTest.Outcome>> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return HostileInputTest.build(site.root());
                }));
            }
            start.countDown();
            for (CompletableFuture<HostileInputTest.Outcome> f : builds) {
                HostileInputTest.Outcome o = f.get();
                if (o.code() == 0) {
                    successes++;
                } else {
                    assertEquals(1, o.code(), o.err());
                    assertTrue(o.err().contains("another otapress build is writing"), o.err());
                }
            }
            assertEquals(expected, TreeSnapshot.of(site.out()), "round " + round);
            assertEquals(List.of(), leftovers(site.root()));
        }
        assertTrue(successes >= 4, "at least one build of each round succeeds: " + successes);
    }

    @Test
    void theNextBuildCleansUpAfterABuildKilledWhileWriting() throws IOException {
        TestSite site = site();
        Map<String, String> expected = cleanBuild(site);
        assertEquals(0, HostileInputTest.build(site.root()).code());
        Path stray = site.root().resolve(".otapress-new-public-dead1234");
        Files.createDirectories(stray.resolve("a/1.0"));
        Files.writeString(stray.resolve("a/1.0/index.html"), "<p>half a page");

        HostileInputTest.Outcome o = HostileInputTest.build(site.root());
        assertEquals(0, o.code(), o.err());
        assertEquals(expected, TreeSnapshot.of(site.out()));
        assertEquals(List.of(), leftovers(site.root()));
    }

    @Test
    void aBuildKilledBetweenItsRenamesLosesNothingEvenIfTheNextBuildFails() throws IOException {
        TestSite site = site();
        assertEquals(0, HostileInputTest.build(site.root()).code());
        Map<String, String> previous = TreeSnapshot.of(site.out());
        // Killed after moving the old site aside and before moving the new one in.
        Files.move(site.out(), site.root().resolve(".otapress-old-public-dead5678"));
        Path stray = Files.createDirectories(site.root().resolve(".otapress-new-public-dead5678/a"));
        Files.writeString(stray.resolve("partial.html"), "<p>half");
        site.notes("b/2.0", "---\ndate: someday\n---\n");

        HostileInputTest.Outcome o = HostileInputTest.build(site.root());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("b/2.0/index.md:2: error: 'date' must be a date"), o.err());
        assertEquals(previous, TreeSnapshot.of(site.out()), "the last good portal is back in place");
        assertEquals(List.of(), leftovers(site.root()));
        assertFalse(Files.exists(site.out().resolve("a/partial.html")));
    }
}
