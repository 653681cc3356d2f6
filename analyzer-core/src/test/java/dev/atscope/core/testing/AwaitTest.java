package dev.atscope.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Given a condition, when awaited, then the wait ends as soon as it holds, or fails at its deadline saying what. */
class AwaitTest {

    @Test
    void returnsTheValueOnceTheProbeHasOne() {
        AtomicInteger looks = new AtomicInteger();
        int v = Await.value("the third look", () -> looks.incrementAndGet() >= 3 ? Optional.of(42) : Optional.empty());
        assertThat(v).isEqualTo(42);
        assertThat(looks).hasValue(3);
    }

    @Test
    void failsAtTheDeadlineNamingWhatWasAwaited() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Await.until("a port that never opens", Duration.ofMillis(50), () -> false))
                .isInstanceOf(AssertionError.class).hasMessage("waited 50 ms for a port that never opens, in vain");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aConditionThatThrowsEndsTheWaitWithItsCause() {
        IOException gone = new IOException("socat ended");
        assertThatThrownBy(() -> Await.until("socat's links", () -> {
            throw gone;
        })).isInstanceOf(AssertionError.class).hasMessageContaining("socat's links").hasCause(gone);
    }
}
