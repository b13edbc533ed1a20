/**
 * Events of customers' activity: taken in from integrations and the app, recorded by the service
 * itself for its own facts (enrolment, purchase, ...), and reacted to by rules and missions
 * exactly once, after the transaction that recorded them commits.
 */
package dev.loyalty.application.event;
