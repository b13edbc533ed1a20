package dev.loyalty.application.history;

/** The file formats a sales history may come in. */
public enum ImportFormat {
    /** One row per receipt line, the lines of a receipt consecutive. */
    CSV,
    /** ARTS POSLog XML: one {@code Transaction} per receipt. */
    POSLOG
}
