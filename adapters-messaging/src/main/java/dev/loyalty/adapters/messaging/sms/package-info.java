/**
 * SMS through the Twilio Programmable Messaging REST API ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, basic auth) or any provider that speaks
 * it, with the MicroProfile REST Client kept inside this package; and Twilio's delivery-status
 * callback, whose signature is checked.
 */
package dev.loyalty.adapters.messaging.sms;
