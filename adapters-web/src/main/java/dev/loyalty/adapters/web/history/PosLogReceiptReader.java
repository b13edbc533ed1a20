package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.application.history.ReadChunk;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.ReceiptReader;
import dev.loyalty.application.history.RejectedRow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ARTS POSLog document with StAX, one {@code Transaction} at a time (namespaces ignored,
 * element names matched locally): a {@code RetailTransaction}'s {@code RetailStoreID},
 * {@code WorkstationID} and {@code SequenceNumber} make its receipt id, {@code EndDateTime} its
 * instant, {@code LoyaltyAccount/CustomerID} (or {@code Customer/CustomerID}) its customer, and each
 * {@code LineItem/Sale} not voided a line: {@code ItemID}, {@code MerchandiseHierarchy},
 * {@code Quantity}, {@code RegularSalesUnitPrice} and {@code ExtendedAmount} (what was paid; below
 * the regular price it is the line's discount). Amounts are decimals of the currency. A weighed
 * quantity (not whole) is one unit at the extended amount. Other transactions (control, tender
 * only) are skipped. The position is the count of transactions read: reading again from it skips
 * those. A document that stops being well-formed ends the reading with a reject.
 */
final class PosLogReceiptReader implements ReceiptReader {

    private static final XMLInputFactory FACTORY = factory();

    private final InputStream in;
    private final XMLStreamReader xml;
    private final Instant latest;
    private final long skip;
    private long ordinal;
    private boolean ended;

    private PosLogReceiptReader(InputStream in, XMLStreamReader xml, Instant latest, long skip) {
        this.in = in;
        this.xml = xml;
        this.latest = latest;
        this.skip = skip;
    }

    static PosLogReceiptReader open(Path file, ReadPosition from, Instant latest) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
        try {
            return new PosLogReceiptReader(in, FACTORY.createXMLStreamReader(in), latest, from.offset());
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException("not XML", e);
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    @Override
    public Optional<ReadChunk> next() throws IOException {
        try {
            while (!ended && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "Transaction".equals(xml.getLocalName())) {
                    long number = ++ordinal;
                    if (number <= skip) {
                        skipElement();
                        continue;
                    }
                    Transaction transaction = transaction();
                    ReadPosition after = new ReadPosition(number, number);
                    if (transaction.reject != null) {
                        return Optional.of(new ReadChunk(
                                Optional.empty(),
                                List.of(new RejectedRow(number, transaction.reject, transaction.excerpt())),
                                after,
                                1));
                    }
                    if (transaction.lines.isEmpty()) {
                        // not a sale (control, tender only, all lines voided): nothing to import
                        return Optional.of(new ReadChunk(Optional.empty(), List.of(), after, 1));
                    }
                    ImportedReceipt receipt = new ImportedReceipt(
                            number,
                            transaction.store,
                            transaction.receiptId(),
                            transaction.at,
                            Optional.ofNullable(transaction.customer),
                            "STORE",
                            transaction.lines);
                    return Optional.of(new ReadChunk(Optional.of(receipt), List.of(), after, 1));
                }
            }
        } catch (XMLStreamException e) {
            ended = true;
            long number = ordinal + 1;
            return Optional.of(new ReadChunk(
                    Optional.empty(),
                    List.of(new RejectedRow(
                            number,
                            "the document is not well-formed XML from here on; the rest is not read",
                            String.valueOf(e.getMessage()))),
                    new ReadPosition(number, number),
                    1));
        }
        ended = true;
        return Optional.empty();
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** What one transaction says, or why it is rejected. */
    private static final class Transaction {
        String store;
        String workstation;
        String sequence;
        Instant at;
        String customer;
        final List<ImportedLine> lines = new ArrayList<>();
        String reject;
        final StringBuilder seen = new StringBuilder();

        String receiptId() {
            return workstation == null || workstation.isBlank() ? sequence : workstation + "-" + sequence;
        }

        String excerpt() {
            return seen.toString();
        }

        void reject(String why) {
            if (reject == null) {
                reject = why;
            }
        }
    }

    /** Reads the current {@code Transaction} element to its end. */
    private Transaction transaction() throws XMLStreamException {
        Transaction t = new Transaction();
        List<String> path = new ArrayList<>();
        Line line = null;
        boolean retail = false;
        String endDateTime = null;
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                path.add(name);
                text.setLength(0);
                if (name.equals("RetailTransaction")) {
                    retail = true;
                } else if (name.equals("LineItem")) {
                    line = new Line();
                    String voided = xml.getAttributeValue(null, "VoidFlag");
                    line.voided = "true".equalsIgnoreCase(voided);
                } else if (name.equals("Sale") && line != null) {
                    line.sale = true;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (text.length() < 1_000) {
                    text.append(xml.getText(), 0, Math.min(xml.getTextLength(), 1_000 - text.length()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String name = xml.getLocalName();
                String value = text.toString().strip();
                String parent = path.size() >= 2 ? path.get(path.size() - 2) : "";
                if (t.seen.length() < 200 && !value.isEmpty()) {
                    t.seen.append(name).append('=').append(value).append(' ');
                }
                switch (name) {
                    case "RetailStoreID" -> t.store = value;
                    case "WorkstationID" -> t.workstation = value;
                    case "SequenceNumber" -> t.sequence = value;
                    case "EndDateTime" -> endDateTime = value;
                    case "CustomerID" -> {
                        if (parent.equals("LoyaltyAccount") || t.customer == null) {
                            t.customer = value.isEmpty() ? null : value;
                        }
                    }
                    case "ItemID" -> set(line, l -> l.sku = value);
                    case "MerchandiseHierarchy" -> set(line, l -> l.category = value);
                    case "Quantity" -> set(line, l -> l.quantity = value);
                    case "RegularSalesUnitPrice" -> set(line, l -> l.unitPrice = value);
                    case "ExtendedAmount" -> {
                        if (parent.equals("Sale")) {
                            set(line, l -> l.extended = value);
                        }
                    }
                    case "LineItem" -> {
                        if (line != null && line.sale && !line.voided) {
                            line.add(t, latest);
                        }
                        line = null;
                    }
                    default -> {}
                }
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                text.setLength(0);
            }
        }
        if (!retail) {
            t.lines.clear();
            return t;
        }
        if (t.store == null || t.store.isEmpty() || t.store.length() > 64) {
            t.reject("RetailStoreID is required, at most 64 characters");
        } else if (t.sequence == null || t.sequence.isEmpty() || t.receiptId().length() > 64) {
            t.reject("SequenceNumber is required, the receipt id at most 64 characters");
        }
        Optional<Instant> at = endDateTime == null ? Optional.empty() : Values.instant(endDateTime);
        if (at.isEmpty()) {
            t.reject("bad date in EndDateTime (ISO 8601)");
        } else if (at.get().isAfter(latest)) {
            t.reject("EndDateTime is in the future");
        } else {
            t.at = at.get();
        }
        if (t.customer != null && t.customer.length() > 254) {
            t.reject("CustomerID is longer than 254 characters");
        }
        if (t.lines.size() > CsvReceiptReader.MAX_LINES_PER_RECEIPT) {
            t.reject("a receipt has at most " + CsvReceiptReader.MAX_LINES_PER_RECEIPT + " lines");
        }
        return t;
    }

    private static void set(Line line, java.util.function.Consumer<Line> setter) {
        if (line != null) {
            setter.accept(line);
        }
    }

    /** A {@code LineItem} being read. */
    private static final class Line {
        boolean sale;
        boolean voided;
        String sku;
        String category;
        String quantity;
        String unitPrice;
        String extended;

        void add(Transaction t, Instant latest) {
            if (sku == null || sku.isEmpty() || sku.length() > 64) {
                t.reject("ItemID is required, at most 64 characters");
                return;
            }
            if (category == null || category.isEmpty() || category.length() > 64) {
                t.reject("MerchandiseHierarchy is required, at most 64 characters");
                return;
            }
            java.math.BigDecimal units;
            try {
                units = new java.math.BigDecimal(quantity == null ? "1" : quantity);
            } catch (NumberFormatException e) {
                t.reject("Quantity is not a number");
                return;
            }
            if (units.signum() < 0) {
                t.reject("negative quantity");
                return;
            }
            if (units.signum() == 0) {
                t.reject("quantity is zero");
                return;
            }
            Optional<Long> price = unitPrice == null ? Optional.empty() : Values.cents(unitPrice);
            Optional<Long> paid = extended == null ? Optional.empty() : Values.cents(extended);
            if ((unitPrice != null && price.isEmpty()) || (extended != null && paid.isEmpty())) {
                t.reject("a price is not an amount with at most 2 decimals");
                return;
            }
            if (price.isEmpty() && paid.isEmpty()) {
                t.reject("RegularSalesUnitPrice or ExtendedAmount is required");
                return;
            }
            if (price.orElse(0L) < 0 || paid.orElse(0L) < 0) {
                t.reject("a negative price");
                return;
            }
            boolean whole = units.stripTrailingZeros().scale() <= 0;
            if (!whole || units.compareTo(java.math.BigDecimal.valueOf(1_000_000)) > 0) {
                if (paid.isEmpty()) {
                    t.reject("a weighed quantity needs its ExtendedAmount");
                    return;
                }
                t.lines.add(new ImportedLine(sku, category, 1, paid.get(), 0));
                return;
            }
            int quantity = units.intValueExact();
            long unit = price.orElseGet(() -> paid.get() / quantity);
            long discount = paid.map(p -> Math.max(0, unit * quantity - p)).orElse(0L);
            t.lines.add(new ImportedLine(sku, category, quantity, unit, discount));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
