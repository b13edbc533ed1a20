/**
 * The programme's questions (kept by the console, shown by the app) and the members' answers: the
 * explicit data segments and campaigns target.
 */
package dev.loyalty.application.question;
