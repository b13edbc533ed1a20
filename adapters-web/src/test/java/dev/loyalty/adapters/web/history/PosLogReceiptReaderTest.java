package dev.loyalty.adapters.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.application.history.ReadChunk;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.RejectedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosLogReceiptReaderTest {

    static final Instant LATEST = Instant.parse("2026-12-31T00:00:00Z");

    /** Written for this test after the ARTS POSLog schema's element names. */
    static final String POSLOG =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <POSLog xmlns="http://www.nrf-arts.org/IXRetail/namespace/" MajorVersion="6">
              <Transaction>
                <RetailStoreID>MI-001</RetailStoreID>
                <WorkstationID>3</WorkstationID>
                <SequenceNumber>1001</SequenceNumber>
                <EndDateTime>2025-02-01T09:12:00+01:00</EndDateTime>
                <RetailTransaction>
                  <LineItem>
                    <Sale>
                      <ItemID>RM-LASAGNA</ItemID>
                      <MerchandiseHierarchy Level="Category">ready-meals</MerchandiseHierarchy>
                      <RegularSalesUnitPrice>5.99</RegularSalesUnitPrice>
                      <ExtendedAmount>10.98</ExtendedAmount>
                      <Quantity>2</Quantity>
                    </Sale>
                  </LineItem>
                  <LineItem VoidFlag="true">
                    <Sale><ItemID>X</ItemID><MerchandiseHierarchy>x</MerchandiseHierarchy>
                      <RegularSalesUnitPrice>1.00</RegularSalesUnitPrice><Quantity>1</Quantity></Sale>
                  </LineItem>
                  <LineItem>
                    <Sale>
                      <ItemID>FR-APPLES</ItemID>
                      <MerchandiseHierarchy>fruit</MerchandiseHierarchy>
                      <RegularSalesUnitPrice>2.50</RegularSalesUnitPrice>
                      <ExtendedAmount>1.85</ExtendedAmount>
                      <Quantity UnitOfMeasureCode="KGM">0.74</Quantity>
                    </Sale>
                  </LineItem>
                  <LineItem><Tender><Amount>12.83</Amount></Tender></LineItem>
                  <LoyaltyAccount><CustomerID>2900000000018</CustomerID></LoyaltyAccount>
                </RetailTransaction>
              </Transaction>
              <Transaction>
                <RetailStoreID>MI-001</RetailStoreID>
                <SequenceNumber>1002</SequenceNumber>
                <ControlTransaction><OperatorSignOn/></ControlTransaction>
              </Transaction>
              <Transaction>
                <RetailStoreID>MI-001</RetailStoreID>
                <SequenceNumber>1003</SequenceNumber>
                <EndDateTime>2025-02-01T10:00:00Z</EndDateTime>
                <RetailTransaction>
                  <LineItem><Sale><ItemID>A</ItemID><MerchandiseHierarchy>food</MerchandiseHierarchy>
                    <RegularSalesUnitPrice>1.00</RegularSalesUnitPrice><Quantity>-1</Quantity></Sale></LineItem>
                  <LoyaltyAccount><CustomerID>elena@example.com</CustomerID></LoyaltyAccount>
                </RetailTransaction>
              </Transaction>
              <Transaction>
                <RetailStoreID>TO-002</RetailStoreID>
                <SequenceNumber>7</SequenceNumber>
                <EndDateTime>2025-02-02T10:00:00Z</EndDateTime>
                <RetailTransaction>
                  <LineItem><Sale><ItemID>B</ItemID><MerchandiseHierarchy>food</MerchandiseHierarchy>
                    <RegularSalesUnitPrice>3.001</RegularSalesUnitPrice><Quantity>1</Quantity></Sale></LineItem>
                </RetailTransaction>
              </Transaction>
              <Transaction>
                <RetailStoreID>TO-002</RetailStoreID>
                <SequenceNumber>8</SequenceNumber>
                <EndDateTime>2025-02-02T11:00:00Z</EndDateTime>
                <RetailTransaction>
                  <LineItem><Sale><ItemID>B</ItemID><MerchandiseHierarchy>food</MerchandiseHierarchy>
                    <RegularSalesUnitPrice>3.00</RegularSalesUnitPrice><Quantity>1</Quantity></Sale></LineItem>
                </RetailTransaction>
              </Transaction>
            </POSLog>
            """;

    @TempDir
    Path dir;

    static List<ReadChunk> readAll(Path file, ReadPosition from) throws IOException {
        List<ReadChunk> chunks = new ArrayList<>();
        try (PosLogReceiptReader reader = PosLogReceiptReader.open(file, from, LATEST)) {
            Optional<ReadChunk> chunk;
            while ((chunk = reader.next()).isPresent()) {
                chunks.add(chunk.get());
            }
        }
        return chunks;
    }

    @Test
    void eachRetailTransactionIsAReceipt() throws IOException {
        Path file = dir.resolve("poslog.xml");
        Files.writeString(file, POSLOG);

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        List<ImportedReceipt> receipts =
                chunks.stream().flatMap(c -> c.receipt().stream()).toList();
        assertThat(receipts).extracting(ImportedReceipt::receiptId).containsExactly("3-1001", "8");
        ImportedReceipt first = receipts.get(0);
        assertThat(first.storeId()).isEqualTo("MI-001");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2025-02-01T08:12:00Z"));
        assertThat(first.customer()).contains("2900000000018");
        assertThat(first.lines())
                .containsExactly(
                        new ImportedLine("RM-LASAGNA", "ready-meals", 2, 599, 100),
                        new ImportedLine("FR-APPLES", "fruit", 1, 185, 0));
        List<RejectedRow> rejects =
                chunks.stream().flatMap(c -> c.rejects().stream()).toList();
        assertThat(rejects).extracting(RejectedRow::line).containsExactly(3L, 4L);
        assertThat(rejects.get(0).reason()).isEqualTo("negative quantity");
        assertThat(rejects.get(1).reason()).contains("2 decimals");
        assertThat(chunks).hasSize(5);
    }

    @Test
    void readingAgainFromAPositionSkipsTheTransactionsRead() throws IOException {
        Path file = dir.resolve("poslog.xml");
        Files.writeString(file, POSLOG);
        List<ReadChunk> all = readAll(file, ReadPosition.START);

        List<ReadChunk> rest = readAll(file, all.get(2).after());

        assertThat(rest).isEqualTo(all.subList(3, all.size()));
    }

    @Test
    void aDocumentThatBreaksOffEndsWithAReject() throws IOException {
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, POSLOG.substring(0, POSLOG.indexOf("<Transaction>", 1500)) + "<Transaction><Retail");

        List<ReadChunk> chunks = readAll(file, ReadPosition.START);

        assertThat(chunks.get(chunks.size() - 1).rejects()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("not well-formed"));
    }
}
