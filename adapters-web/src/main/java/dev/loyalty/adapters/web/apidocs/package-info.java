/**
 * The API's documentation for client developers: the filter that completes the OpenAPI document
 * Payara builds from the annotations (the {@code Problem} schema on every error response, unique
 * tags, no Payara-only members) and the browsable reference at {@code /api-docs}.
 */
package dev.loyalty.adapters.web.apidocs;
