package dev.loyalty.adapters.web.catalogue;

import dev.loyalty.adapters.web.history.CsvFields;
import dev.loyalty.adapters.web.history.LineSource;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a catalogue CSV in constant memory: a header naming the columns (required and optional
 * ones, any order), then one item per row, handed on in batches; a bad row is reported with its
 * line and reason and the rest goes on.
 */
final class CatalogueCsv {

    static final int BATCH = 1_000;
    static final int MAX_REJECTS_SHOWN = 100;

    /** A header that is not the one expected. */
    static final class BadHeader extends Exception {
        BadHeader(String message) {
            super(message);
        }
    }

    private CatalogueCsv() {}

    /**
     * @return 200 with what a catalogue CSV body added or replaced, or the 422 problem
     *     {@code catalogue-header-invalid} when the body is not such a CSV
     */
    static <T> Response importResponse(
            InputStream body,
            List<String> required,
            List<String> optional,
            Function<Map<String, String>, T> parse,
            Consumer<List<T>> save)
            throws IOException {
        try {
            return Response.ok(read(
                            new BufferedInputStream(body == null ? InputStream.nullInputStream() : body),
                            required,
                            optional,
                            parse,
                            save))
                    .build();
        } catch (BadHeader e) {
            return Problem.of(422, "catalogue-header-invalid", "Catalogue header invalid", e.getMessage())
                    .toResponse();
        }
    }

    /** @return 201 at {@code location} for an item the save created, 200 for one it replaced */
    static Response saved(boolean created, Object view, URI location) {
        return created
                ? Response.created(location).entity(view).build()
                : Response.ok(view).build();
    }

    static <T> CsvImportView read(
            InputStream in,
            List<String> required,
            List<String> optional,
            Function<Map<String, String>, T> parse,
            Consumer<List<T>> save)
            throws IOException, BadHeader {
        LineSource lines = new LineSource(in, 0, 1);
        LineSource.Line first = lines.next();
        if (first == null || first.tooLong()) {
            throw new BadHeader("the body has no CSV header");
        }
        List<String> names;
        try {
            String text = first.text();
            names = CsvFields.split(text.startsWith("\uFEFF") ? text.substring(1) : text, 32);
        } catch (CharacterCodingException e) {
            throw new BadHeader("the body is not UTF-8 text");
        }
        if (names == null) {
            throw new BadHeader("the header has more than 32 columns");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                throw new BadHeader("unknown column " + (name.length() > 40 ? name.substring(0, 40) : name)
                        + "; expected " + required + " and optionally " + optional);
            }
            positions.put(name, i);
        }
        for (String r : required) {
            if (!positions.containsKey(r)) {
                throw new BadHeader("missing column " + r + "; expected " + required + " and optionally " + optional);
            }
        }
        long imported = 0;
        long rejected = 0;
        List<CsvImportView.Reject> shown = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (line.length() == 0 || (line.length() == 1 && line.bytes()[0] == '\r')) {
                continue;
            }
            String reason = null;
            try {
                if (line.tooLong()) {
                    reason = "the line is longer than " + LineSource.MAX_LINE + " bytes";
                } else {
                    List<String> fields = CsvFields.split(line.text(), names.size());
                    if (fields == null) {
                        reason = "unknown column: more fields than the header";
                    } else {
                        Map<String, String> row = new HashMap<>();
                        positions.forEach((name, at) -> row.put(
                                name, at < fields.size() ? fields.get(at).strip() : ""));
                        batch.add(parse.apply(row));
                    }
                }
            } catch (CharacterCodingException e) {
                reason = "not UTF-8 text";
            } catch (InvalidValueException e) {
                reason = e.getMessage();
            }
            if (reason != null) {
                rejected++;
                if (shown.size() < MAX_REJECTS_SHOWN) {
                    shown.add(new CsvImportView.Reject(line.number(), reason));
                }
            }
            if (batch.size() >= BATCH) {
                save.accept(batch);
                imported += batch.size();
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            save.accept(batch);
            imported += batch.size();
        }
        return new CsvImportView(imported, rejected, shown);
    }
}
