/**
 * Benchmarks of the service jar, each on its own MariaDB. {@link dev.loyalty.bench.PurchaseBenchmark}:
 * {@code POST /api/v1/purchases} from concurrent clients, then the same SQL writes over plain JDBC
 * as a baseline, side by side. {@link dev.loyalty.bench.EventBenchmark}: {@code POST /api/v1/events}
 * against 20 rules, and how fast the reactions drain, counted in the database. Measurements, not
 * tests: only a failed set-up makes them fail.
 */
package dev.loyalty.bench;
