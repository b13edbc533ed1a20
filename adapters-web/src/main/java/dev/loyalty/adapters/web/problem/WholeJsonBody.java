package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;

/**
 * A JSON request body bound to a request type must be one JSON object or array and nothing else:
 * JSON-B reads the first value and ignores what follows, so {@code {} {"lines": ...}} was taken as
 * {@code {}} (a whole reversal instead of the lines meant), and reads {@code null} as no body, which
 * a reservation or a reversal then took as "all defaults" and stored. The body (at most the {@link
 * BodySizeLimit}) is checked whole before it is bound; anything else is a 400 problem: {@code
 * malformed-json} for trailing text, {@code invalid-field} (field {@code body}) for a body that is
 * not an object or array (also for nesting deeper than the parser's 1,000 levels). Streams (file
 * imports) and raw types pass untouched; an empty body is left to the runtime's own 400.
 */
@Provider
public class WholeJsonBody implements ReaderInterceptor {

    private static final Set<Class<?>> RAW = Set.of(InputStream.class, Reader.class, String.class, byte[].class);

    /**
     * One parser factory, looked up once: {@code Json.createParser} asks {@code
     * JsonProvider.provider()} on every body, a new provider (and its buffer pool) each time.
     */
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(java.util.Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType mediaType = context.getMediaType();
        if (mediaType == null || !isJson(mediaType) || RAW.contains(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            check(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType mediaType) {
        String subtype = mediaType.getSubtype();
        return "application".equals(mediaType.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"));
    }

    /**
     * Throws unless {@code body} is whitespace around one JSON object or array. The parser is
     * advanced event by event (its {@code skipObject} spins for ever on a body cut short).
     */
    static void check(byte[] body) {
        try (JsonParser parser =
                PARSERS.createParser(new ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8)) {
            if (!parser.hasNext()) {
                return;
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
                throw new JsonbException("the request body is not a JSON object");
            }
            long depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {}
                }
            }
            if (parser.hasNext()) {
                throw new JsonParsingException("text after the JSON value", parser.getLocation());
            }
        } catch (JsonbException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new JsonbException("the request body is not valid JSON", e);
        } catch (RuntimeException e) {
            // cut short (NoSuchElementException), nested deeper than the parser's limit, ...
            throw new JsonbException(
                    "the request body is not valid JSON",
                    new JsonParsingException(String.valueOf(e.getMessage()), null));
        }
    }
}
