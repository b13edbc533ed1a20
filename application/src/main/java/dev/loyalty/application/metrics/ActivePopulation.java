package dev.loyalty.application.metrics;

/** The customers with a purchase in the window as a rebuild found them, and their RFM cut points. */
public record ActivePopulation(long activeCustomers, RfmCuts cuts) {}
