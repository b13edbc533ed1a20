/**
 * What only the admin console needs from the web adapter: the development sign-in (a token minted
 * with the embedded run's development keys) and the dashboard's figures.
 */
package dev.loyalty.adapters.web.console;
