/** {@code POST /token-revocations}: the console revokes a token by its id or every token of a subject. */
package dev.loyalty.adapters.web.token;
