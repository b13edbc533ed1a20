/** {@code /questions} (the console's questions, the app's list to answer) and the answers under {@code /me} and {@code /customers/{id}}. */
package dev.loyalty.adapters.web.question;
