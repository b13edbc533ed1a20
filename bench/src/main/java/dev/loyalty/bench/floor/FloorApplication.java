package dev.loyalty.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The trivial application of the start-up benchmark's floor: one JAX-RS resource, no CDI beans,
 * no database. Packed into a WAR by the benchmark and deployed on plain Payara Micro (the version
 * the service uses), it shows how fast the stack itself can be ready on this machine.
 */
@ApplicationPath("/")
public class FloorApplication extends Application {}
