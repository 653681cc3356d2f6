package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void neverReturnsBeforeTheDeadline() throws InterruptedException {
        for (long wait : new long[] {0, 50_000, Pacing.YIELD_NANOS, Pacing.YIELD_NANOS + 1, 3_000_000}) {
            long deadline = System.nanoTime() + wait;
            Pacing.sleepUntilNanos(deadline);
            assertThat(System.nanoTime()).as("waiting %d ns", wait).isGreaterThanOrEqualTo(deadline);
        }
    }

    @Test
    void aDeadlineInThePastReturnsAtOnceEvenWhenInterrupted() throws InterruptedException {
        Thread.currentThread().interrupt();
        try {
            Pacing.sleepUntilNanos(System.nanoTime() - 1);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptEndsTheWait() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Pacing.sleepUntilNanos(System.nanoTime() + 60_000_000_000L))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("the interrupt is consumed by the exception").isFalse();
    }
}
