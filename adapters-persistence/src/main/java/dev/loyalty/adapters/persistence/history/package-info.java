/**
 * Imported sales history in MariaDB: import jobs with their lease and rejects, imported receipts
 * appended as {@code IMPORT} purchases in multi-row statements, and the worker threads (an EJB
 * asynchronous method per import, a timer that takes over imports whose lease expired).
 */
package dev.loyalty.adapters.persistence.history;
