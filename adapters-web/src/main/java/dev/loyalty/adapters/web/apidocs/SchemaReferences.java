package dev.loyalty.adapters.web.apidocs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Request and response bodies as references to their component schemas: Payara writes a copy of
 * the class's schema inline where an annotation names the class, which leaves the component unused
 * and gives generated clients a second, operation-named class for it ({@code RecordPurchaseRequest}
 * beside {@code PurchaseRequest}). A body is replaced by a reference only when exactly one component
 * has the same properties, each of the same type.
 */
final class SchemaReferences {

    private static final String SCHEMAS = "#/components/schemas/";

    private final Map<String, String> componentBySignature = new HashMap<>();

    SchemaReferences(Map<String, Schema> components) {
        Map<String, Long> counts = components.values().stream()
                .map(SchemaReferences::signature)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        components.forEach((name, schema) -> {
            String signature = signature(schema);
            if (signature != null && counts.get(signature) == 1) {
                componentBySignature.put(signature, name);
            }
        });
    }

    void referTo(Paths paths) {
        paths.getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(this::referTo));
    }

    private void referTo(Operation operation) {
        if (operation.getRequestBody() != null) {
            referTo(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> referTo(r.getContent()));
        }
    }

    private void referTo(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            Schema schema = mediaType.getSchema();
            if (schema == null) {
                continue;
            }
            if (schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() != null) {
                referTo(schema.getItems());
            } else {
                referTo(schema);
            }
        }
    }

    private void referTo(Schema schema) {
        String component = componentBySignature.get(signature(schema));
        if (schema.getRef() == null && component != null) {
            schema.setProperties(null);
            schema.setType(null);
            schema.setRef(SCHEMAS + component);
        }
    }

    /** The property names with their types, or null for a schema without properties. */
    static String signature(Schema schema) {
        if (schema == null
                || schema.getRef() != null
                || schema.getProperties() == null
                || schema.getProperties().isEmpty()) {
            return null;
        }
        Map<String, String> types = new TreeMap<>();
        schema.getProperties().forEach((name, property) -> types.put(name, shape(property)));
        return types.toString();
    }

    private static String shape(Schema property) {
        if (property == null) {
            return "?";
        }
        if (property.getRef() != null) {
            return property.getRef();
        }
        String shape = String.valueOf(property.getType()) + "/" + property.getFormat();
        if (property.getItems() != null) {
            shape += "[" + shape(property.getItems()) + "]";
        }
        if (property.getProperties() != null) {
            shape += List.copyOf(new TreeMap<>(property.getProperties()).keySet());
        }
        return shape;
    }
}
