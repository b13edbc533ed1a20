package dev.loyalty.application.history;

/** Driven port: has a worker thread read a spooled import soon, outside the caller's thread. */
@FunctionalInterface
public interface ImportWakeUp {

    void wake(ImportId id);
}
