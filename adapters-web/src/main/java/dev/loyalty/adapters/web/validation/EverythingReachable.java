package dev.loyalty.adapters.web.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation here checks request bodies, never JPA entities, so every property is reachable
 * and cascadable. The default resolver, seeing JPA on the class path, asks the persistence provider
 * whether each property of each request line is loaded: work for nothing, and a synchronised call
 * in EclipseLink on which concurrent purchases waited in a profile of the purchase benchmark.
 * Named in {@code META-INF/validation.xml} of the application.
 */
public class EverythingReachable implements TraversableResolver {

    @Override
    public boolean isReachable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }
}
