/**
 * The MariaDB side of the hexagon: JPA entities kept apart from the domain (each with its
 * mapper), repositories implementing the application's driven ports, and the schema migrations;
 * and the programme's settings read from configuration ({@code settings}).
 */
package dev.loyalty.adapters.persistence;
