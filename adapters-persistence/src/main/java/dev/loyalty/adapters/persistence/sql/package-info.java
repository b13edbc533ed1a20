/**
 * The native SQL toolkit the repositories share: multi-row appends ({@link
 * dev.loyalty.adapters.persistence.sql.NativeInsert}), statements with named parameters ({@link
 * dev.loyalty.adapters.persistence.sql.NamedSql}) and the reading of native result columns and
 * JSON text columns ({@link dev.loyalty.adapters.persistence.sql.NativeRows}).
 */
package dev.loyalty.adapters.persistence.sql;
