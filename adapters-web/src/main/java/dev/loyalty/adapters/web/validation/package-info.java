/** How Bean Validation is configured for the API's request bodies. */
package dev.loyalty.adapters.web.validation;
