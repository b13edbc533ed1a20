package dev.loyalty.adapters.messaging.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the service account's key file, and refusing one that cannot serve with one clear line. */
class ServiceAccountKeyTest {

    static final String SETTING = "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE";

    @TempDir
    Path dir;

    final TestServiceAccount account = new TestServiceAccount();

    @Test
    void aKeyFileAsGoogleWritesItIsRead() {
        ServiceAccountKey key =
                ServiceAccountKey.read(account.write(dir, "https://oauth2.googleapis.com/token"), SETTING);

        assertThat(key.clientEmail()).isEqualTo(TestServiceAccount.CLIENT_EMAIL);
        assertThat(key.projectId()).isEqualTo("shop-test");
        assertThat(key.privateKeyId()).contains("0123456789abcdef");
        assertThat(key.tokenUri()).hasToString("https://oauth2.googleapis.com/token");
        assertThat(key.privateKey().getEncoded())
                .isEqualTo(account.keys.getPrivate().getEncoded());
        assertThat(key.toString()).isEqualTo("ServiceAccountKey[project=shop-test]");
    }

    @Test
    void aFileThatCannotServeIsRefusedNamingTheSettingAndTheField() {
        Path good = account.write(dir, "https://oauth2.googleapis.com/token");
        JsonObject json = Json.createReader(new StringReader(read(good))).readObject();

        assertRefused(dir.resolve("missing.json"), "cannot read the service account key file");
        assertRefused(TestServiceAccount.writeJson(dir, "not json"), "is not a service account key file");
        for (String field : new String[] {"client_email", "private_key", "token_uri", "project_id"}) {
            assertRefused(
                    TestServiceAccount.writeJson(
                            dir,
                            Json.createObjectBuilder(json).remove(field).build().toString()),
                    "has no " + field);
        }
        assertRefused(
                TestServiceAccount.writeJson(
                        dir,
                        Json.createObjectBuilder(json)
                                .add("private_key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
                                .build()
                                .toString()),
                "private_key of");
        assertRefused(
                TestServiceAccount.writeJson(
                        dir,
                        Json.createObjectBuilder(json)
                                .add("private_key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n")
                                .build()
                                .toString()),
                "is not a PKCS#8 PEM key");
        assertRefused(
                TestServiceAccount.writeJson(
                        dir,
                        Json.createObjectBuilder(json)
                                .add("token_uri", "ftp://x")
                                .build()
                                .toString()),
                "token_uri");
    }

    private void assertRefused(Path file, String expected) {
        assertThatThrownBy(() -> ServiceAccountKey.read(file, SETTING))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage())
                            .startsWith(SETTING + ": ")
                            .contains(expected)
                            .doesNotContain("\n");
                    assertThat(e.getMessage()).doesNotContain("AAAA").doesNotContain(TestServiceAccount.CLIENT_EMAIL);
                });
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
