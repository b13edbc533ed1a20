package dev.loyalty.adapters.messaging;

import dev.loyalty.adapters.messaging.email.SmtpEmailGateway;
import dev.loyalty.adapters.messaging.email.SmtpSettings;
import dev.loyalty.adapters.messaging.push.FcmPushGateway;
import dev.loyalty.adapters.messaging.push.ServiceAccountKey;
import dev.loyalty.adapters.messaging.push.ServiceAccountTokens;
import dev.loyalty.adapters.messaging.sms.TwilioMessagesClient;
import dev.loyalty.adapters.messaging.sms.TwilioSmsGateway;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.MessageGateways;
import dev.loyalty.domain.messaging.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The gateway of each channel, chosen by configuration once at start: {@code LOYALTY_SMS_PROVIDER}
 * ({@code log} or {@code twilio}), {@code LOYALTY_EMAIL_PROVIDER} ({@code log} or {@code smtp}),
 * {@code LOYALTY_PUSH_PROVIDER} ({@code log} or {@code fcm}: FCM HTTP v1 with the service account
 * whose key file {@code LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE} names), with their settings (see the
 * README); the launcher refuses to start with a push setting that cannot work.
 * Read when the relay first needs a gateway: a provider named but missing a setting is logged by
 * the relay, naming the setting, and the messages wait queued until it is fixed. The REST client
 * is built once and kept (application scope).
 */
@ApplicationScoped
public class ConfiguredGateways implements MessageGateways {

    private static final Logger LOG = Logger.getLogger(ConfiguredGateways.class.getName());

    /** The setting naming the service account's JSON key file. */
    static final String SERVICE_ACCOUNT_FILE = "loyalty.push.fcm.service-account-file";

    /** Why a fixed access token is refused. */
    static final String ACCESS_TOKEN_GONE = "LOYALTY_PUSH_FCM_ACCESS_TOKEN is no longer read (such a token expires"
            + " within the hour): set LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE to the service account's JSON key file";

    private MessageGateway sms;
    private MessageGateway email;
    private MessageGateway push;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        sms = sms(config);
        email = email(config);
        push = push(config);
    }

    @Override
    public MessageGateway forChannel(Channel channel) {
        return switch (channel) {
            case SMS -> sms;
            case EMAIL -> email;
            case PUSH -> push;
            case PRINT_AT_TILL, STAFF_CALL -> throw new IllegalArgumentException(channel + " has no gateway");
        };
    }

    private static MessageGateway sms(Config config) {
        String provider = provider(config, "loyalty.sms.provider");
        switch (provider) {
            case "log" -> {
                return new LoggingGateway();
            }
            case "twilio" -> {
                String base = required(config, "loyalty.sms.twilio.base-url", "https://api.twilio.com");
                String accountSid = required(config, "loyalty.sms.twilio.account-sid", null);
                TwilioMessagesClient client = RestClientBuilder.newBuilder()
                        .baseUri(TwilioMessagesClient.messagesUri(base, accountSid))
                        .connectTimeout(3, TimeUnit.SECONDS)
                        .readTimeout(
                                Long.parseLong(required(config, "loyalty.sms.twilio.read-timeout-ms", "10000")),
                                TimeUnit.MILLISECONDS)
                        .property("microprofile.rest.client.disable.default.mapper", true)
                        .build(TwilioMessagesClient.class);
                LOG.info("SMS through the Twilio Messages API at " + base);
                return new TwilioSmsGateway(
                        client,
                        accountSid,
                        required(config, "loyalty.sms.twilio.auth-token", null),
                        required(config, "loyalty.sms.from", null),
                        optional(config, "loyalty.sms.twilio.status-callback-url"));
            }
            default -> throw new IllegalArgumentException(
                    "LOYALTY_SMS_PROVIDER (loyalty.sms.provider) must be log or twilio, not " + provider);
        }
    }

    private static MessageGateway email(Config config) {
        String provider = provider(config, "loyalty.email.provider");
        switch (provider) {
            case "log" -> {
                return new LoggingGateway();
            }
            case "smtp" -> {
                Optional<String> user = optional(config, "loyalty.smtp.user");
                SmtpSettings settings = new SmtpSettings(
                        required(config, "loyalty.smtp.host", null),
                        Integer.parseInt(required(config, "loyalty.smtp.port", "587")),
                        user,
                        optional(config, "loyalty.smtp.password"),
                        SmtpSettings.startTls(optional(config, "loyalty.smtp.starttls"), user),
                        Boolean.parseBoolean(required(config, "loyalty.smtp.allow-plain-auth", "false")),
                        required(config, "loyalty.email.from", null));
                LOG.info("E-mail through SMTP: " + settings);
                return new SmtpEmailGateway(settings);
            }
            default -> throw new IllegalArgumentException(
                    "LOYALTY_EMAIL_PROVIDER (loyalty.email.provider) must be log or smtp, not " + provider);
        }
    }

    private static MessageGateway push(Config config) {
        String provider = provider(config, "loyalty.push.provider");
        switch (provider) {
            case "log" -> {
                return new LoggingGateway();
            }
            case "fcm" -> {
                if (optional(config, "loyalty.push.fcm.access-token").isPresent()) {
                    throw new IllegalArgumentException(ACCESS_TOKEN_GONE);
                }
                ServiceAccountKey key = ServiceAccountKey.read(
                        Path.of(required(config, SERVICE_ACCOUNT_FILE, null)), "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE");
                String base = required(config, "loyalty.push.fcm.base-url", "https://fcm.googleapis.com");
                String project = optional(config, "loyalty.push.fcm.project-id").orElse(key.projectId());
                HttpClient http = FcmPushGateway.client();
                LOG.info("Push through FCM HTTP v1 at " + base + ", project " + project
                        + ", access tokens from the service account's token endpoint " + key.tokenUri());
                return new FcmPushGateway(http, base, project, new ServiceAccountTokens(key, http, Clock.systemUTC()));
            }
            default -> throw new IllegalArgumentException(
                    "LOYALTY_PUSH_PROVIDER (loyalty.push.provider) must be log or fcm, not " + provider);
        }
    }

    private static String provider(Config config, String key) {
        return optional(config, key).orElse("log").toLowerCase(Locale.ROOT);
    }

    private static Optional<String> optional(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Config config, String key, String defaultValue) {
        return optional(config, key)
                .or(() -> Optional.ofNullable(defaultValue))
                .orElseThrow(() -> new IllegalArgumentException(key + " ("
                        + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ") must be set"));
    }
}
