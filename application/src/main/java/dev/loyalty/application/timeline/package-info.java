/** A customer's timeline: everything that happened to them, newest first, from every part of the programme. */
package dev.loyalty.application.timeline;
