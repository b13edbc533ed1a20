/** Recording and reversing purchases. */
package dev.loyalty.adapters.web.purchase;
