package dev.loyalty.adapters.web.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the OpenAPI document (registered as {@code mp.openapi.filter}): every error response
 * carries the one {@code Problem} schema as {@code application/problem+json}; every operation that
 * needs a token lists its 401 and 403, every operation with a body its 400; the operations that
 * need no token say so; each tag appears once; the server URL has no trailing slash; Payara's
 * {@code endpoints} member (not part of OpenAPI) and the default values Payara writes into
 * annotated schemas (such as {@code maxProperties: 0}, which would forbid any property) are left
 * out.
 */
public class OpenApiFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** The operations that take no bearer token (Payara drops an empty {@code @SecurityRequirements}). */
    static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "unsubscribeByLink",
            "unsubscribeOneClick",
            "reportTwilioMessageStatus",
            "probeDevelopmentToken",
            "mintDevelopmentToken");

    private static final Logger LOG = Logger.getLogger(OpenApiFilter.class.getName());

    /** The java.time types described by {@code mp.openapi.schema.*}: written inline, not as a component each. */
    static final Map<String, String> TIME_FORMATS =
            Map.of("Instant", "date-time", "OffsetDateTime", "date-time", "LocalDate", "date");

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public Schema filterSchema(Schema schema) {
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(SCHEMAS) && TIME_FORMATS.containsKey(ref.substring(SCHEMAS.length()))) {
            String format = TIME_FORMATS.get(ref.substring(SCHEMAS.length()));
            schema.setRef(null);
            schema.setType(Schema.SchemaType.STRING);
            schema.setFormat(format);
            schema.setExample(format.equals("date") ? "2026-03-01" : "2026-03-01T09:30:00Z");
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        withoutTrailingSlash(openAPI.getServers());
        withoutPayaraEndpoints(openAPI);
        openAPI.setTags(uniqueTags(openAPI.getTags()));
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        TIME_FORMATS.keySet().forEach(components::removeSchema);
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(this::complete);
            new SchemaReferences(components.getSchemas()).referTo(openAPI.getPaths());
        }
    }

    private void complete(PathItem item) {
        item.getOperations().values().forEach(this::complete);
    }

    private void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null) {
            Examples.parseJson(operation.getRequestBody().getContent());
        }
        responses.getAPIResponses().values().forEach(response -> Examples.parseJson(response.getContent()));
        boolean isPublic = PUBLIC_OPERATIONS.contains(operation.getOperationId());
        if (isPublic) {
            // [{}]: no token needed (an empty list would be left out of the document by Payara's writer)
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        } else {
            addIfAbsent(responses, "401", "No valid bearer token (code unauthorized)");
            addIfAbsent(responses, "403", "The token's role may not do this (code forbidden)");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(
                    responses,
                    "400",
                    "The body is not valid JSON (code malformed-json) or a field has the wrong type or is not"
                            + " part of the request (code invalid-field)");
        } else if (isPublic) {
            addIfAbsent(responses, "400", "The request could not be understood (code bad-request)");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent(response.getContent()));
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The problem media type with the {@code Problem} schema, keeping the examples given to it. */
    private static Content problemContent(Content given) {
        MediaType mediaType =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        if (given != null && given.getMediaTypes() != null) {
            given.getMediaTypes().values().forEach(old -> {
                if (old.getExamples() != null) {
                    old.getExamples().forEach(mediaType::addExample);
                }
                if (old.getExample() != null) {
                    mediaType.setExample(old.getExample());
                }
            });
        }
        return OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, mediaType);
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                string("A URI naming the problem type, derived from the code", "urn:problem-type:loyalty:not-found"));
        properties.put("title", string("A short summary of the problem type", "Not found"));
        properties.put(
                "status",
                OASFactory.createSchema()
                        .type(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .description("The HTTP status")
                        .example(404));
        properties.put(
                "detail",
                string("What went wrong in this occurrence, for a human", "there is nothing at this address"));
        properties.put(
                "code",
                string(
                        "The stable, machine-readable code (kebab-case): the one thing a client branches on",
                        "not-found"));
        properties.put(
                "errors",
                OASFactory.createSchema()
                        .type(Schema.SchemaType.ARRAY)
                        .description("The fields at fault (validation failures), empty when none is")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)));
        properties.put(
                "path",
                string(
                        "For a bad segment condition, the JSON path of the node at fault; absent otherwise",
                        "$.all[2].metric"));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document with the platform's stable `code`")
                .properties(properties)
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", string("The field's JSON name, dotted for nested fields", "lines[0].quantity"));
        properties.put("message", string("What is wrong with it", "must be greater than 0"));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("One field of the request at fault")
                .properties(properties)
                .required(List.of("field", "message"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description(description)
                .example(example);
    }

    private static void withoutTrailingSlash(List<Server> servers) {
        if (servers != null) {
            for (Server server : servers) {
                String url = server.getUrl();
                if (url != null && url.length() > 1 && url.endsWith("/")) {
                    server.setUrl(url.substring(0, url.length() - 1));
                }
            }
        }
    }

    /** One entry per name: the described ones (the API's declared tags) in their order, then the rest. */
    private static List<Tag> uniqueTags(List<Tag> tags) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        if (tags != null) {
            tags.stream()
                    .filter(tag -> tag.getDescription() != null)
                    .forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            tags.forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * Payara adds an {@code endpoints} member to the document, which OpenAPI does not allow; its
     * model offers no standard way to drop it, and its writer leaves out empty maps.
     */
    private static void withoutPayaraEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<String, Set<String>>());
        } catch (NoSuchMethodException e) {
            // another implementation: nothing to remove
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "could not remove the endpoints member of the OpenAPI document", e);
        }
    }
}
