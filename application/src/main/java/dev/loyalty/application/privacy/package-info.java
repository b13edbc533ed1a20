/** The customer's data rights: everything held about them, and its erasure. */
package dev.loyalty.application.privacy;
