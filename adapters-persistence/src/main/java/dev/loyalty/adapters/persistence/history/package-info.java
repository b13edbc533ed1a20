/**
 * Imported sales history in MariaDB: import jobs with their lease and rejects, and imported
 * receipts appended as {@code IMPORT} purchases in multi-row statements.
 */
package dev.loyalty.adapters.persistence.history;
