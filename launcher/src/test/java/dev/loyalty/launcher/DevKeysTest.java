package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void mintsATokenThatThePublishedKeyVerifies() throws Exception {
        DevKeys keys = new DevKeys(dataDir);

        String token = keys.mint("loyalty-dev", "terminal", "till-7", "MI-001", Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String pem = Files.readString(keys.publicKeyFile()).replaceAll("-----(BEGIN|END) PUBLIC KEY-----|\\s", "");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains(
                        "\"iss\":\"loyalty-dev\"",
                        "\"sub\":\"till-7\"",
                        "\"groups\":[\"terminal\"]",
                        "\"store_id\":\"MI-001\"");
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp)
                .isBetween(Instant.now().getEpochSecond() + 240, Instant.now().getEpochSecond() + 301);
    }

    @Test
    void keepsTheSameKeyPairAcrossRuns() throws Exception {
        String first = Files.readString(new DevKeys(dataDir).publicKeyFile());
        String second = Files.readString(new DevKeys(dataDir).publicKeyFile());

        assertThat(second).isEqualTo(first);
        // exactly these two, in whatever order the returned set lists them
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("dev-jwt/private-key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void escapesClaimValues() {
        String token = new DevKeys(dataDir).mint("iss", "admin", "a\"b\\c", null, Duration.ofMinutes(1));

        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"a\\\"b\\\\c\"").doesNotContain("store_id");
    }
}
