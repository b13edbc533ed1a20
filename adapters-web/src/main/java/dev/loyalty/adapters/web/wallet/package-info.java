/** The wallet over HTTP: the customer's statement, the console's view and manual adjustments. */
package dev.loyalty.adapters.web.wallet;
