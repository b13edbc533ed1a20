package dev.loyalty.adapters.web.validation;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;

/**
 * A JAX-RS resource's parameters and results are validated once, by Jersey, before and after the
 * call (the 400 problems of the API come from there). Hibernate Validator's CDI extension also binds
 * its method-validation interceptor to every resource method with a constraint, so each request's
 * body was validated a second time, through one more interceptor, after Jersey had accepted it
 * (about a fifth of the service's CPU per purchase was Weld's interceptor chains, this one among
 * them). This extension runs after Hibernate Validator's (a later observer priority) and takes its
 * interceptor binding off the methods of resource classes only: beans that are not resources keep
 * their method validation.
 */
public class ResourcesValidatedOnce implements Extension {

    /** Hibernate Validator's internal interceptor binding (named, not imported: it is internal). */
    static final String METHOD_VALIDATED = "org.hibernate.validator.cdi.internal.interceptor.MethodValidated";

    <T> void resourcesOnly(
            @Observes @WithAnnotations(Path.class) @Priority(Interceptor.Priority.APPLICATION + 1000)
                    ProcessAnnotatedType<T> type) {
        if (!type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            return;
        }
        boolean bound = type.getAnnotatedType().getMethods().stream()
                .anyMatch(method -> method.getAnnotations().stream().anyMatch(ResourcesValidatedOnce::methodValidated));
        if (!bound) {
            return;
        }
        type.configureAnnotatedType()
                .methods()
                .forEach(method -> method.remove(ResourcesValidatedOnce::methodValidated));
    }

    static boolean methodValidated(Annotation annotation) {
        return annotation.annotationType().getName().equals(METHOD_VALIDATED);
    }
}
