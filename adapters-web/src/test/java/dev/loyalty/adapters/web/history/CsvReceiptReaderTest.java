package dev.loyalty.adapters.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.application.history.ReadChunk;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.RejectedRow;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReceiptReaderTest {

    static final String HEADER =
            "store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents,discount_cents,channel\n";
    static final Instant LATEST = Instant.parse("2026-12-31T00:00:00Z");

    @TempDir
    Path dir;

    Path file(String text) throws IOException {
        Path file = dir.resolve("history-" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static List<ReadChunk> readAll(Path file, ReadPosition from) throws IOException {
        List<ReadChunk> chunks = new ArrayList<>();
        try (CsvReceiptReader reader = CsvReceiptReader.open(file, from, LATEST)) {
            Optional<ReadChunk> chunk;
            while ((chunk = reader.next()).isPresent()) {
                chunks.add(chunk.get());
            }
        }
        return chunks;
    }

    static List<ImportedReceipt> receipts(List<ReadChunk> chunks) {
        return chunks.stream().flatMap(c -> c.receipt().stream()).toList();
    }

    static List<RejectedRow> rejects(List<ReadChunk> chunks) {
        return chunks.stream().flatMap(c -> c.rejects().stream()).toList();
    }

    @Test
    void consecutiveRowsOfAReceiptMakeOneReceipt() throws IOException {
        Path file = file(HEADER
                + "S1,R1,2025-01-10T10:00:00Z,elena@example.com,SKU1,food,2,199,10,STORE\n"
                + "S1,R1,2025-01-10T10:00:00Z,elena@example.com,SKU2,drinks,1,100,,\n"
                + "\n"
                + "S1,R2,2025-01-11 09:30:00,,SKU1,food,1,199,,online\r\n"
                + "S2,R2,2025-01-12,2900000000018,\"SKU,3\",\"food \"\"fresh\"\"\",3,50,,\n");

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        List<ImportedReceipt> receipts = receipts(chunks);
        assertThat(receipts).hasSize(3);
        ImportedReceipt first = receipts.get(0);
        assertThat(first.storeId()).isEqualTo("S1");
        assertThat(first.receiptId()).isEqualTo("R1");
        assertThat(first.customer()).contains("elena@example.com");
        assertThat(first.lines()).hasSize(2);
        assertThat(first.netCents()).isEqualTo(2 * 199 - 10 + 100);
        assertThat(first.line()).isEqualTo(2);
        assertThat(receipts.get(1).channel()).isEqualTo("ONLINE");
        assertThat(receipts.get(1).customer()).isEmpty();
        assertThat(receipts.get(1).occurredAt()).isEqualTo(Instant.parse("2025-01-11T09:30:00Z"));
        assertThat(receipts.get(2).lines().get(0).sku()).isEqualTo("SKU,3");
        assertThat(receipts.get(2).lines().get(0).category()).isEqualTo("food \"fresh\"");
        assertThat(rejects(chunks)).isEmpty();
        assertThat(chunks.stream().mapToLong(ReadChunk::rowsRead).sum()).isEqualTo(4);
        assertThat(chunks.get(chunks.size() - 1).after().offset()).isEqualTo(Files.size(file));
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonAndNeverStopTheRest() throws IOException {
        String good = "S1,G%d,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n";
        String tenThousandColumns = "S1,X1," + "x,".repeat(10_000) + "x\n";
        Path file = file(HEADER
                + good.formatted(1)
                + "S1,B1,2025-01-10T10:00:00Z,,SKU1,food,1,100,,,extra\n" // 3: unknown column
                + "S1,B2,10/01/2025,,SKU1,food,1,100,,\n" // 4: bad date
                + "S1,B3,2025-01-10T10:00:00Z,,SKU1,food,-2,100,,\n" // 5: negative quantity
                + "S1,B4,2025-01-10T10:00:00Z,,SKU1,food,1,1.99,,\n" // 6: price not an integer
                + tenThousandColumns // 7
                + "S1,B5,2025-01-10T10:00:00Z,,SKU1,food,1,100,,FAX\n" // 8: channel
                + "S1,B6,2099-01-10T10:00:00Z,,SKU1,food,1,100,,\n" // 9: future
                + ",B7,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n" // 10: no store
                + "S1,B8,2025-01-10T10:00:00Z,,SKU1,food,1\n" // 11: too few fields
                + good.formatted(2));
        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        assertThat(receipts(chunks)).extracting(ImportedReceipt::receiptId).containsExactly("G1", "G2");
        List<RejectedRow> rejects = rejects(chunks);
        assertThat(rejects).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(rejects.get(0).reason()).contains("unknown column");
        assertThat(rejects.get(1).reason()).contains("bad date");
        assertThat(rejects.get(2).reason()).contains("negative quantity");
        assertThat(rejects.get(3).reason()).contains("unit_price_cents is not an integer");
        assertThat(rejects.get(4).reason()).contains("unknown column").contains("10003 fields");
        assertThat(rejects.get(4).excerpt()).hasSizeLessThanOrEqualTo(RejectedRow.MAX_EXCERPT);
        assertThat(rejects.get(5).reason()).contains("channel");
        assertThat(rejects.get(6).reason()).contains("future");
        assertThat(rejects.get(7).reason()).contains("store_id");
        assertThat(rejects.get(8).reason()).contains("fields");
        assertThat(chunks.stream().mapToLong(ReadChunk::rowsRead).sum()).isEqualTo(11);
    }

    @Test
    void aBadLineRejectsItsWholeReceipt() throws IOException {
        Path file = file(HEADER
                + "S1,R1,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n"
                + "S1,R1,2025-01-10T10:00:00Z,,SKU2,food,0,100,,\n"
                + "S1,R1,2025-01-10T10:00:00Z,,SKU3,food,1,100,,\n"
                + "S1,R2,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n");

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        assertThat(receipts(chunks)).extracting(ImportedReceipt::receiptId).containsExactly("R2");
        List<RejectedRow> rejects = rejects(chunks);
        assertThat(rejects).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L);
        assertThat(rejects.get(1).reason()).isEqualTo("quantity is zero");
        assertThat(rejects.get(0).reason()).contains("another line (3)");
        assertThat(rejects.get(2).reason()).contains("another line (3)");
    }

    @Test
    void readingAgainFromAChunksPositionYieldsExactlyTheRest() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int r = 0; r < 50; r++) {
            for (int l = 0; l <= r % 3; l++) {
                text.append("S1,R%d,2025-01-10T10:00:00Z,,SKU%d,food,1,100,,\n".formatted(r, l));
            }
            if (r % 7 == 0) {
                text.append("garbage without receipt\n");
            }
        }
        Path file = file(text.toString());
        List<ReadChunk> all = readAll(file, ReadPosition.START);

        for (int cut : new int[] {1, 10, 33, all.size() - 1}) {
            List<ReadChunk> rest = readAll(file, all.get(cut - 1).after());
            assertThat(receipts(rest)).isEqualTo(receipts(all.subList(cut, all.size())));
            assertThat(rejects(rest)).isEqualTo(rejects(all.subList(cut, all.size())));
        }
        assertThat(receipts(all)).hasSize(50);
        assertThat(rejects(all)).hasSize(8);
    }

    @Test
    void aLineBeyondAsciiIsDecodedAsUtf8() throws IOException {
        // ASCII lines take a fast path; the others are decoded (and checked) as UTF-8
        Path file = file(HEADER
                + "S1,R1,2025-01-10T10:00:00Z,élena@example.com,CRÈME-50,épicerie-北京,1,100,,\n"
                + "S1,R2,2025-01-10T10:00:00Z,,PLAIN,food,1,100,,\n");

        List<ImportedReceipt> receipts = receipts(readAll(file, ReadPosition.START));

        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0).customer()).contains("élena@example.com");
        assertThat(receipts.get(0).lines().get(0).sku()).isEqualTo("CRÈME-50");
        assertThat(receipts.get(0).lines().get(0).category()).isEqualTo("épicerie-北京");
        assertThat(receipts.get(1).lines().get(0).sku()).isEqualTo("PLAIN");
    }

    @Test
    void aBinaryRowIsRejectedAndTheNextRowIsRead() throws IOException {
        Path file = dir.resolve("binary.csv");
        try (var out = Files.newOutputStream(file)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2, (byte) 0xFF, (byte) 0xFE, '\n'});
            out.write("S1,R1,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n".getBytes(StandardCharsets.UTF_8));
        }

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        assertThat(rejects(chunks)).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("not UTF-8");
        });
        assertThat(receipts(chunks)).hasSize(1);
    }

    @Test
    void aTwoGigabyteSingleLineIsRejectedInConstantMemory() throws IOException {
        Path file = dir.resolve("huge.csv");
        long huge = 2L * 1024 * 1024 * 1024;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(HEADER.getBytes(StandardCharsets.UTF_8));
            raf.write("S1,HUGE,2025-01-10T10:00:00Z,,SKU1,food,1,".getBytes(StandardCharsets.UTF_8));
            // the rest of the line: 2 GB (sparse on disk), then a good row
            raf.seek(HEADER.length() + huge);
            raf.write("\nS1,R1,2025-01-10T10:00:00Z,,SKU1,food,1,100,,\n".getBytes(StandardCharsets.UTF_8));
        }

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        assertThat(rejects(chunks)).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("longer than");
        });
        assertThat(receipts(chunks)).extracting(ImportedReceipt::receiptId).containsExactly("R1");
    }

    @Test
    void excerptsMaskContacts() throws IOException {
        Path file = file(HEADER + "S1,R1,2025-01-10T10:00:00Z,elena.rossi@example.com,SKU1,food,-1,100,,\n"
                + "S1,R2,2025-01-10T10:00:00Z,+39 347 123 4567,SKU1,food,-1,100,,\n");

        List<RejectedRow> rejects = rejects(readAll(file, ReadPosition.START));

        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0).excerpt()).doesNotContain("elena").doesNotContain("example.com");
        assertThat(rejects.get(1).excerpt()).doesNotContain("347 123").endsWith("67,SKU1,food,-1,100,,");
    }
}
