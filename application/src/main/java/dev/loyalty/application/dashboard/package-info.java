/** The console's dashboard: the programme's figures at a glance, counted in the database. */
package dev.loyalty.application.dashboard;
