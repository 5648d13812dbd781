package dev.otapress.pipeline;

import dev.otapress.cache.FileStamp;
import dev.otapress.cache.IpaCache;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The facts of .ipa files where they lie, through the site's cache: a file the cache knows by its
 * stamp is not opened, any other is read and remembered for the next command or build. For
 * commands that read a whole site without building it (prune).
 */
public final class CachedIpas implements ReleaseReader.Ipas {
    private final IpaReader reader = new IpaReader();
    private final IpaCache cache;

    public CachedIpas(IpaCache cache) {
        this.cache = cache;
    }

    @Override
    public IpaInfo read(Path ipa) throws IpaException {
        FileStamp before;
        try {
            before = FileStamp.of(ipa);
        } catch (IOException e) {
            throw new IpaException("cannot read the file (" + e.getMessage() + ")", e);
        }
        IpaInfo known = cache.byStamp(ipa, before);
        if (known != null) return known;
        IpaInfo info = reader.read(ipa);
        try {
            // A file that changed while it was read is not stamped: its stamp would vouch for other bytes.
            cache.put(ipa, before != null && before.equals(FileStamp.of(ipa)) ? before : null, info);
        } catch (IOException e) {
            // The next run reads it again.
        }
        return info;
    }

    @Override
    public byte[] iconPng(Icon icon) {
        return icon.png();
    }
}
