/**
 * A benchmark of {@code POST /api/v1/purchases}: it starts its own MariaDB and the service jar,
 * enrols customers and issues coupons over HTTP, drives purchases from concurrent clients, then
 * performs the same SQL writes over plain JDBC as a baseline, and prints both side by side. A
 * measurement, not a test: only a failed set-up makes it fail.
 */
package dev.loyalty.bench;
