package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.solver.SolverStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.plans.PlanJob;

/**
 * {@link RegroupServer#close()} while plans solve: solving ends at once, each plan keeps its best, the port closes.
 * The plans ask for 10 minutes; closing must take a small part of that however busy the machine.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulShutdownIntegrationTest {

    @Test
    void closeEndsSolvingAndKeepsTheBestPlan() throws IOException {
        RegroupServer server = Api.start(Api.longSolves(1, 1));
        Api api = new Api(server);
        String solving = api.submitSmall("10m");
        String waiting = api.submitSmall("10m");
        api.awaitPlan(solving, p -> "SOLVING_ACTIVE".equals(p.path("status").asText()) && Api.workable(p),
                Api.PATIENCE);
        PlanJob job = server.plans().find(solving).orElseThrow();
        PlanJob queued = server.plans().find(waiting).orElseThrow();
        assertThat(job.status()).isEqualTo(SolverStatus.SOLVING_ACTIVE);
        assertThat(queued.status()).isEqualTo(SolverStatus.SOLVING_SCHEDULED);
        PlanJob.Snapshot before = job.snapshot();
        assertThat(before).isNotNull();
        assertThat(before.plan().feasible()).isTrue();

        long start = System.nanoTime();
        server.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("close does not wait for the 10-minute limits").isLessThan(Duration.ofMinutes(2));
        assertThat(job.status()).isEqualTo(SolverStatus.NOT_SOLVING);
        assertThat(job.failure()).isNull();
        PlanJob.Snapshot after = job.snapshot();
        assertThat(after).isNotNull();
        assertThat(after.update().last()).isTrue();
        assertThat(after.plan().feasible()).isTrue();
        assertThat(after.plan().students()).hasSameSizeAs(before.plan().students());
        assertThat(after.day().getScore()).as("the best plan, at least as good as before closing")
                .isGreaterThanOrEqualTo(before.day().getScore());
        assertThat(queued.status()).as("the waiting plan ends too").isEqualTo(SolverStatus.NOT_SOLVING);
        assertThat(server.plans().solving()).isZero();
        assertThatThrownBy(() -> api.get("/api/health")).isInstanceOf(UncheckedIOException.class);
    }
}
