package dev.loyalty.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used by the processes of a measurement - the service, MariaDB and this client - read
 * before and after a phase, and the machine's load average (the 2 cores are shared with other
 * work, which the figures must say).
 *
 * @param service CPU of the service process
 * @param database CPU of the MariaDB server
 * @param client CPU of this JVM
 */
record CpuClock(Duration service, Duration database, Duration client) {

    /** Reads the CPU time used so far by the service ({@code servicePid}) and the server whose data is under {@code dbHome}. */
    static CpuClock read(long servicePid, Path dbHome) {
        return new CpuClock(cpu(ProcessHandle.of(servicePid)), cpu(mariadb(dbHome)), clientCpu());
    }

    /** What was used between {@code earlier} and this reading. */
    CpuClock since(CpuClock earlier) {
        return new CpuClock(
                service.minus(earlier.service), database.minus(earlier.database), client.minus(earlier.client));
    }

    /** {@code service 12.3 s, MariaDB 45.6 s, client 0.4 s CPU}. */
    String describe() {
        return String.format(
                "CPU: service %.1f s, MariaDB %.1f s, bench client %.1f s",
                service.toMillis() / 1e3, database.toMillis() / 1e3, client.toMillis() / 1e3);
    }

    /** The 1, 5 and 15 minute load averages, as the kernel reports them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Optional<ProcessHandle> mariadb(Path dbHome) {
        String dataDir = dbHome.resolve("data").toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(dataDir))
                .findFirst();
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static Duration clientCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(os.getProcessCpuTime());
        }
        return Duration.ZERO;
    }
}
