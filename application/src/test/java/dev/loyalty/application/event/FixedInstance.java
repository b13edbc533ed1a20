package dev.loyalty.application.event;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A CDI {@link Instance} for tests without a container: resolves to the one bean given, or to
 * nothing (an optional dependency that is not deployed). Only lookup is supported.
 *
 * @param <T> the bean type
 */
public final class FixedInstance<T> implements Instance<T> {

    private final Optional<T> bean;

    private FixedInstance(Optional<T> bean) {
        this.bean = bean;
    }

    /** @return an instance that resolves to {@code bean} */
    public static <T> FixedInstance<T> of(T bean) {
        return new FixedInstance<>(Optional.of(bean));
    }

    /** @return an instance that resolves to nothing */
    public static <T> FixedInstance<T> none() {
        return new FixedInstance<>(Optional.empty());
    }

    @Override
    public T get() {
        return bean.orElseThrow(() -> new NoSuchElementException("unsatisfied dependency"));
    }

    @Override
    public Iterator<T> iterator() {
        return bean.map(List::of).orElse(List.of()).iterator();
    }

    @Override
    public boolean isUnsatisfied() {
        return bean.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
        return false;
    }

    @Override
    public Instance<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("no qualifiers in tests");
    }

    @Override
    public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("no subtypes in tests");
    }

    @Override
    public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("no subtypes in tests");
    }

    @Override
    public void destroy(T instance) {
        // nothing to destroy: the bean is the test's
    }

    @Override
    public Handle<T> getHandle() {
        throw new UnsupportedOperationException("no handles in tests");
    }

    @Override
    public Iterable<? extends Handle<T>> handles() {
        throw new UnsupportedOperationException("no handles in tests");
    }
}
