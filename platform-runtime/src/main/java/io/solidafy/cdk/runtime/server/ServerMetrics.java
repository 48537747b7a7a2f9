package io.solidafy.cdk.runtime.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What {@code GET /metrics} exposes, in Prometheus' text format: syncs, records, request latency. */
final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter records;

    ServerMetrics(Supplier<Number> runningSyncs) {
        Gauge.builder("solidafy.syncs.running", runningSyncs).description("Syncs running now").register(registry);
        records = Counter.builder("solidafy.sync.records").description("Records synced by finished syncs").register(registry);
    }

    void request(String method, String route, int status, long nanos) {
        Timer.builder("solidafy.http.requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A sync ended with this SYNC_SUMMARY status ({@code SUCCEEDED}, {@code PARTIAL}, {@code FAILED}). */
    void syncFinished(String status, long recordCount) {
        Counter.builder("solidafy.syncs.finished").description("Syncs finished, by status").tag("status", status)
                .register(registry).increment();
        records.increment(recordCount);
    }

    String scrape() {
        return registry.scrape();
    }
}
