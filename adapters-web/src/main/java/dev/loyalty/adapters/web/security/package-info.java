/** Who is calling: the verified JWT turned into the application's {@code Actor}. */
package dev.loyalty.adapters.web.security;
