/** Rules: the console defines them; the reactions judge each event by them and record why. */
package dev.loyalty.application.rule;
