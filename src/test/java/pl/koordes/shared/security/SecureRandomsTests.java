package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared strong random source ({@link SecureRandoms}): every draw, from any thread, is fresh. */
class SecureRandomsTests {

    @Test
    void drawsFromManyThreadsAtOnceNeverRepeat() throws Exception {
        SecureRandom random = SecureRandoms.perThread();
        Set<String> seen = new HashSet<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Callable<List<String>>> tasks = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(t -> () -> IntStream.range(0, 500)
                            .mapToObj(i -> {
                                byte[] token = new byte[16];
                                random.nextBytes(token);
                                return java.util.HexFormat.of().formatHex(token);
                            })
                            .toList())
                    .toList();
            for (Future<List<String>> drawn : threads.invokeAll(tasks)) {
                seen.addAll(drawn.get());
            }
        }
        assertThat(seen).hasSize(8 * 500);
    }

    @Test
    void numbersAreDrawnThroughTheThreadsOwnGeneratorToo() {
        SecureRandom random = SecureRandoms.perThread();
        Set<Long> longs = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            longs.add(random.nextLong());
            assertThat(random.nextInt(10)).isBetween(0, 9);
        }
        assertThat(longs).hasSize(1000);
    }
}
