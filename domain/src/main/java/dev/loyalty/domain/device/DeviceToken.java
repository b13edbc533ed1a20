package dev.loyalty.domain.device;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A push registration token as the app's push SDK gives it (FCM: about 160 characters of letters,
 * digits, {@code -}, {@code _} and {@code :}). It addresses one installation: whoever holds it can
 * make the app show a notification, so it is never logged in full ({@link #toString()} shows its
 * last characters only).
 *
 * @param value the token, 16 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_:.-]}
 */
public record DeviceToken(String value) {

    /** The longest token accepted. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{16," + MAX_LENGTH + "}");

    /** Validates. */
    public DeviceToken {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new InvalidValueException(
                    "deviceToken",
                    "deviceToken must be 16 to " + MAX_LENGTH
                            + " letters, digits, '-', '_', ':' or '.' (the push SDK's registration token)");
        }
    }

    /** @return the token's last six characters, enough to tell devices apart in a log */
    public String shortForm() {
        return "..." + value.substring(value.length() - 6);
    }

    /** The short form: a token is never written out whole. */
    @Override
    public String toString() {
        return shortForm();
    }
}
