package dev.otapress.ipa;

/**
 * An IPA that cannot be used, with a message a user can act on. The message does not repeat the
 * file name: whoever reports it puts it in front.
 */
public final class IpaException extends Exception {
    public IpaException(String message) {
        super(message);
    }

    public IpaException(String message, Throwable cause) {
        super(message, cause);
    }
}
