package dev.otapress.codesign;

import java.io.IOException;

/** A signature structure that contradicts itself or the file around it; the message says how. */
final class MalformedSignatureException extends IOException {
    MalformedSignatureException(String message) {
        super(message);
    }
}
