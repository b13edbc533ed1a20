package dev.loyalty.adapters.messaging.email;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP relay.
 *
 * @param host the relay's host
 * @param port its port
 * @param user the user, if it asks for authentication
 * @param password the password
 * @param startTls whether to require STARTTLS
 * @param from the sender address
 */
public record SmtpSettings(
        String host, int port, Optional<String> user, Optional<String> password, boolean startTls, String from) {

    /** Checks the components. */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }

    /** No password in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + "]";
    }
}
