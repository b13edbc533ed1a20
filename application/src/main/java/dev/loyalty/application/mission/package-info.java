/** Missions: the console defines them; the reactions count each customer's steps; the app shows progress. */
package dev.loyalty.application.mission;
