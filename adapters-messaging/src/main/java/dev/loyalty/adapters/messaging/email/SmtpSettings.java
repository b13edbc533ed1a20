package dev.loyalty.adapters.messaging.email;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP relay. A password never travels in clear unless asked for: with a user,
 * STARTTLS is on unless {@code LOYALTY_SMTP_STARTTLS=false}, and that is refused unless {@code
 * LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true} also says so (a relay on the same host or a trusted network).
 *
 * @param host the relay's host
 * @param port its port
 * @param user the user, if it asks for authentication
 * @param password the password
 * @param startTls whether to require STARTTLS (the relay's certificate is checked against the host)
 * @param plainAuthAllowed whether a user may be sent without TLS
 * @param from the sender address
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> user,
        Optional<String> password,
        boolean startTls,
        boolean plainAuthAllowed,
        String from) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException one line naming the settings, for a user without TLS not allowed so
     */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        if (user.isPresent() && !startTls && !plainAuthAllowed) {
            throw new IllegalArgumentException(PLAIN_AUTH_REFUSED);
        }
    }

    /** Why a user without STARTTLS is refused (the launcher says the same at start). */
    public static final String PLAIN_AUTH_REFUSED = "LOYALTY_SMTP_STARTTLS=false with LOYALTY_SMTP_USER would send"
            + " the SMTP password in clear: leave STARTTLS on, or set LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true for a relay"
            + " reached without TLS on purpose";

    /**
     * @param startTls the configured {@code LOYALTY_SMTP_STARTTLS}, if any
     * @param user the configured user, if any
     * @return whether STARTTLS is on: as configured, else on exactly when there is a user
     */
    public static boolean startTls(Optional<String> startTls, Optional<String> user) {
        return startTls.map(String::strip).map(Boolean::parseBoolean).orElse(user.isPresent());
    }

    /** No password in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", auth=" + user.isPresent()
                + "]";
    }
}
