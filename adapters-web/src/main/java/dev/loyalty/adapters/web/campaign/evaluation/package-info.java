/**
 * A campaign's evaluation over HTTP (JSON and CSV) and its members page by page (admin only). Two
 * root resources with their full paths, beside the campaign core's {@code campaigns} resource:
 * JAX-RS picks one root class per request by its path template, so a class at {@code campaigns/{id}}
 * would hide the core's sub-resources.
 */
package dev.loyalty.adapters.web.campaign.evaluation;
