package dev.loyalty.application.history;

/** CDI event: an import's body is on disk; observed after its transaction commits, to wake a worker. */
public record ImportSpooled(ImportId importId) {}
