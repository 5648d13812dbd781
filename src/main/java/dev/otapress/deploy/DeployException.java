package dev.otapress.deploy;

/** A deploy that cannot go on; the message is one line that says what to do. */
public final class DeployException extends Exception {
    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
