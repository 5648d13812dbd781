package dev.otapress.codesign;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The main app folder of an .ipa as {@link SealedFiles}, for reading a seal without the rest of IpaReader. */
final class ZipApp implements SealedFiles, AutoCloseable {
    private static final Pattern MAIN = Pattern.compile("^(Payload/[^/]+\\.app/)Info\\.plist$");

    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> files = new LinkedHashMap<>();

    ZipApp(Path ipa) throws IOException {
        zip = ZipFile.builder().setPath(ipa).get();
        String folder = null;
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            Matcher m = MAIN.matcher(e.getName());
            if (m.matches()) folder = m.group(1);
        }
        if (folder == null) throw new IOException("no app in " + ipa);
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (!e.isDirectory() && e.getName().startsWith(folder) && e.getName().length() > folder.length()) {
                files.putIfAbsent(e.getName().substring(folder.length()), e);
            }
        }
    }

    @Override
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    @Override
    public InputStream open(String name) throws IOException {
        return zip.getInputStream(files.get(name));
    }

    @Override
    public boolean isSymlink(String name) {
        return files.get(name).isUnixSymlink();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
