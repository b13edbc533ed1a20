/** The dashboard's figures, each one aggregate statement over the tables of record. */
package dev.loyalty.adapters.persistence.dashboard;
