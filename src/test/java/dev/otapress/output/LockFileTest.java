package dev.otapress.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a build's lock lives: outside the site, in a folder no other user of the machine can write. */
class LockFileTest {

    @Test
    void theLockIsInTheUsersOwnFolderOutsideTheSite(@TempDir Path site) throws Exception {
        Path lock = OutputWriter.lockFile(site.resolve("public"));
        Path folder = lock.getParent();
        assertTrue(folder.getFileName().toString().startsWith("otapress-locks-"), folder.toString());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), folder.getParent().toAbsolutePath());
        assertTrue(!lock.startsWith(site), lock.toString());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void theLockFolderIsOwnerOnly(@TempDir Path site) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path folder = OutputWriter.lockFile(site.resolve("public")).getParent();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void twoOutputsHaveTwoLocks(@TempDir Path site) throws Exception {
        assertNotEquals(OutputWriter.lockFile(site.resolve("public")), OutputWriter.lockFile(site.resolve("public-2")));
    }
}
