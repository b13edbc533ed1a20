/** {@code /missions} for the console, {@code /me/missions} for the app. */
package dev.loyalty.adapters.web.mission;
