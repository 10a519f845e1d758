package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import ai.timefold.solver.core.api.solver.SolverStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.plans.PlanJob;

/** {@link RegroupServer#close()} while plans solve: solving ends at once, each plan keeps its best, the port closes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulShutdownIntegrationTest {

    @Test
    void closeEndsSolvingAndKeepsTheBestPlan() throws IOException {
        RegroupServer server = Api.start(Api.settings(1, 1));
        Api api = new Api(server);
        String solving = api.submitSmall("60s");
        String waiting = api.submitSmall("60s");
        api.awaitSolvingWithPlan(solving, Duration.ofSeconds(20));
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

        assertThat(took).as("close does not wait for the 60 s limits").isLessThan(Duration.ofSeconds(8));
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
