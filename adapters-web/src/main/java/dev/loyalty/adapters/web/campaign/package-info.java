/** The console's campaigns over HTTP: definitions, their life, runs and their progress. */
package dev.loyalty.adapters.web.campaign;
