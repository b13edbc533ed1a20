/** Questions and answers in MariaDB: {@code question} (allowed values as a JSON array) and {@code customer_answer}. */
package dev.loyalty.adapters.persistence.question;
