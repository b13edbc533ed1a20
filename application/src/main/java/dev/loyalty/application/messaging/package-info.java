/** Messages to customers: the outbox port through which rules and campaigns speak. */
package dev.loyalty.application.messaging;
