/** The earning rules, read and changed by the console. */
package dev.loyalty.adapters.web.earning;
