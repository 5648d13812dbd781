package dev.otapress.doctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** check reads releases.json back through the records that wrote it, and says where one is broken. */
class ListingReadTest {

    private static List<ListedRelease> read(String json) throws IOException {
        return ListingCheck.releases(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNullAppOrReleaseIsNamedByItsPlace() {
        IOException app = assertThrows(IOException.class, () -> read("{\"schemaVersion\":2,\"apps\":[null]}"));
        assertEquals("apps[0] is null where an app belongs", app.getMessage());
        IOException release = assertThrows(IOException.class, () -> read("{\"schemaVersion\":2,\"apps\":[{\"bundleIdentifier\":\"a\","
                + "\"name\":\"A\",\"releases\":[{\"version\":\"1\",\"state\":\"installable\"},null]}]}"));
        assertEquals("apps[0].releases[1] is null where a release belongs", release.getMessage());
        IOException empty = assertThrows(IOException.class, () -> read("null"));
        assertEquals("the file is empty or null, not a listing", empty.getMessage());
    }

    @Test
    void anOldListingWithoutStatesIsInstallable() throws IOException {
        List<ListedRelease> releases = read("{\"schemaVersion\":1,\"apps\":[{\"bundleIdentifier\":\"a\",\"name\":\"A\",\"releases\":"
                + "[{\"version\":\"1\",\"build\":\"7\",\"installUrl\":\"itms-services://x\"}]},{\"bundleIdentifier\":\"b\"}]}");
        assertEquals(1, releases.size());
        assertEquals("7", releases.get(0).build());
        assertEquals(java.util.Optional.empty(), releases.get(0).notInstallable());
    }
}
