package dev.loyalty.adapters.web.validation;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;

/**
 * Takes Hibernate Validator's CDI method-validation interceptor off the JAX-RS resource methods:
 * Jersey validates their parameters and results itself (the bad-input corpus proves it), and the
 * interceptor chain Weld builds around each call was a measurable share of a purchase's CPU in a
 * flight recording. Hibernate Validator's extension marks every constrained method with its
 * interceptor binding while the types are processed; this observer runs after it (a later priority)
 * and removes the binding again from the resource methods of {@link Path} classes only. Every other
 * bean keeps its method validation.
 */
public class ResourceMethodsValidatedByJersey implements Extension {

    /** Hibernate Validator's interceptor binding (an internal type, so named, not linked). */
    static final String METHOD_VALIDATED = "org.hibernate.validator.cdi.internal.interceptor.MethodValidated";

    <T> void resourceMethods(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @WithAnnotations(Path.class)
                    ProcessAnnotatedType<T> type) {
        if (!type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            return;
        }
        boolean marked = type.getAnnotatedType().getMethods().stream()
                .anyMatch(
                        method -> method.getAnnotations().stream().anyMatch(ResourceMethodsValidatedByJersey::binding));
        if (!marked) {
            return;
        }
        type.configureAnnotatedType().methods().stream()
                .filter(method -> resourceMethod(method))
                .forEach(method -> method.remove(ResourceMethodsValidatedByJersey::binding));
    }

    private static boolean resourceMethod(AnnotatedMethodConfigurator<?> method) {
        return method.getAnnotated().getAnnotations().stream()
                .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class)
                        || annotation.annotationType() == Path.class);
    }

    static boolean binding(Annotation annotation) {
        return annotation.annotationType().getName().equals(METHOD_VALIDATED);
    }
}
