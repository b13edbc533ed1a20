/** The app registering the devices that receive the customer's push notifications ({@code /me/devices}). */
package dev.loyalty.adapters.web.device;
