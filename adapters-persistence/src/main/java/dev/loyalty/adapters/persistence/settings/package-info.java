/**
 * Driven adapters for the programme's settings that are configuration rather than data, read from
 * MicroProfile Config ({@link dev.loyalty.adapters.persistence.settings.ConfiguredProgramme}):
 * like the tables, a store the application reads through a port and never knows.
 */
package dev.loyalty.adapters.persistence.settings;
