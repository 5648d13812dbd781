package dev.otapress.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lays out a site folder (site.yaml, content/) for tests. */
public final class TestSite {
    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    public static TestSite at(Path root) throws IOException {
        Files.createDirectories(root.resolve("content"));
        return new TestSite(root);
    }

    public Path root() {
        return root;
    }

    public Path out() {
        return root.resolve("public");
    }

    public TestSite siteYaml(String yaml) throws IOException {
        Files.writeString(root.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
        return this;
    }

    /** site.yaml with a title and base URL. */
    public TestSite defaultSiteYaml() throws IOException {
        return siteYaml("title: Test Portal\nbase_url: https://apps.example.com/ios/\n");
    }

    public Path release(String folder, String ipaName, TestIpa ipa) throws IOException {
        return ipa.writeTo(root.resolve("content").resolve(folder).resolve(ipaName));
    }

    public Path notes(String folder, String markdown) throws IOException {
        Path file = root.resolve("content").resolve(folder).resolve("index.md");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    public Path file(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
