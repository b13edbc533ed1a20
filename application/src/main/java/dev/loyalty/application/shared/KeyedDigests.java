package dev.loyalty.application.shared;

/**
 * Driven port: a keyed digest (HMAC-SHA256 with the service's configured secret, the same on every
 * instance) of a value that must be recognised again but not read back nor guessed by whoever reads
 * the database: a referred contact, a verification code.
 */
@FunctionalInterface
public interface KeyedDigests {

    /**
     * @param purpose what the digest is for (digests for two purposes never match)
     * @param value the value
     * @return the digest, 64 lower-case hex digits
     */
    String digest(String purpose, String value);
}
