/**
 * The catalogue: products (with how many days a unit lasts, for "who bought a 45-day cream 30 days
 * ago") and categories with the categories proposed to who bought them (cross-sell). A sale of a
 * SKU not in the catalogue creates nothing and still counts under the category its line names.
 */
package dev.loyalty.application.catalogue;
