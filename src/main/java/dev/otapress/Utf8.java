package dev.otapress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Strict UTF-8, the one decoding of text a user or a server hands us: bytes that are not UTF-8
 * are an error, never silently replaced by U+FFFD, so a file saved in another encoding is refused
 * with a message instead of published as garbled text.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** @throws CharacterCodingException when the file is not UTF-8 (an IOException: catch it first) */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }
}
