package dev.otapress.deploy;

/**
 * The upload order that keeps every published link working: whatever a page links to is in place
 * before the page, and deletions come after every page that linked the deleted files was replaced.
 */
public enum Phase {
    /** The .ipa files and release icons, the theme's files and the files authors put beside a release. */
    FILES("apps, icons and files"),
    /** Each release's manifest.plist, which names its .ipa and icons. */
    MANIFESTS("manifests"),
    /** Each release's page, which links its manifest. */
    RELEASE_PAGES("release pages"),
    /** App and home pages, feeds and releases.json, which link the release pages. */
    INDEXES("app and home pages, feeds and listing");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
