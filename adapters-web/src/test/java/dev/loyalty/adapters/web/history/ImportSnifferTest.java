package dev.loyalty.adapters.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.history.ImportFormat;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportSnifferTest {

    static ImportSniffer.Verdict sniff(String text) {
        return ImportSniffer.sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    static void refused(ImportSniffer.Verdict verdict, int status, String code) {
        assertThat(verdict).isInstanceOfSatisfying(ImportSniffer.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.code()).isEqualTo(code);
        });
    }

    @Test
    void aCsvWithTheHeaderIsCsv() {
        assertThat(
                        sniff(
                                "\uFEFFstore_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents\nS1,..."))
                .isEqualTo(new ImportSniffer.Format(ImportFormat.CSV));
    }

    @Test
    void aPosLogIsPosLog() {
        assertThat(sniff("<?xml version=\"1.0\"?>\n<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/namespace/\">"))
                .isEqualTo(new ImportSniffer.Format(ImportFormat.POSLOG));
    }

    @Test
    void anythingElseIsRefusedAtOnce() {
        refused(sniff(""), 422, "import-empty");
        refused(sniff("{\"receipts\": []}"), 415, "import-format-unsupported");
        refused(sniff("<html><body>hello</body></html>"), 415, "import-format-unsupported");
        refused(sniff("store_id,receipt_id\nS1,R1\n"), 422, "import-header-invalid");
        refused(
                sniff("store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents,colour\n"),
                422,
                "import-header-invalid");
        byte[] binary = new byte[10_000];
        new Random(7).nextBytes(binary);
        refused(ImportSniffer.sniff(binary), 415, "import-format-unsupported");
        refused(sniff("x".repeat(ImportSniffer.PEEK + 10)), 415, "import-format-unsupported");
    }
}
