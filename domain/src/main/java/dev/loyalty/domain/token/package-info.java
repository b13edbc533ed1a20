/**
 * Bearer tokens as the service judges them beyond their signature: how old a token may be ({@link
 * dev.loyalty.domain.token.TokenAgePolicy}) and the revocations that refuse a token by its id or
 * every token of a subject issued up to a moment ({@link dev.loyalty.domain.token.TokenRevocation}).
 */
package dev.loyalty.domain.token;
