/** What erasure deletes beyond the aggregates: the rows computed about a customer. */
package dev.loyalty.adapters.persistence.privacy;
