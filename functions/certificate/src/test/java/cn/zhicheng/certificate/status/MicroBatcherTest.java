package cn.zhicheng.certificate.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.certificate.status.service.MicroBatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads asked for while a batch loads are answered together by the next batch, each with its own answer. */
class MicroBatcherTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void readsThatArriveWhileABatchLoadsShareTheNextBatch() throws Exception {
        FaultyLoader loader = new FaultyLoader("BROKEN");
        MicroBatcher<String, String> batcher = new MicroBatcher<>(loader, executor, 64, 1);

        CompletableFuture<Optional<String>> first = batcher.load("A");
        loader.firstBatchStarted.await(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<String>> b = batcher.load("B");
        CompletableFuture<Optional<String>> unknown = batcher.load("UNKNOWN");
        CompletableFuture<Optional<String>> bAgain = batcher.load("B");
        loader.releaseFirstBatch.countDown();

        assertEquals(Optional.of("a"), first.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("b"), b.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("b"), bAgain.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), unknown.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(List.of("A"), List.of("B", "UNKNOWN")), loader.batches, "a key asked twice is read once");
    }

    @Test
    void aFailingLoadFailsOnlyTheReadsOfItsOwnBatch() throws Exception {
        FaultyLoader loader = new FaultyLoader("BROKEN");
        MicroBatcher<String, String> batcher = new MicroBatcher<>(loader, executor, 64, 1);

        CompletableFuture<Optional<String>> first = batcher.load("A");
        loader.firstBatchStarted.await(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<String>> b = batcher.load("B");
        CompletableFuture<Optional<String>> broken = batcher.load("BROKEN");
        loader.releaseFirstBatch.countDown();
        assertEquals(Optional.of("a"), first.get(10, TimeUnit.SECONDS));

        for (CompletableFuture<Optional<String>> failed : List.of(b, broken)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
            assertSame(loader.failure, e.getCause(), "the loader's own failure, for the problem mapper");
        }
        assertEquals(Optional.of("c"), batcher.load("C").get(10, TimeUnit.SECONDS), "the next batch reads again");
        assertEquals(List.of(List.of("A"), List.of("B", "BROKEN"), List.of("C")), loader.batches);
    }

    @Test
    void manyConcurrentReadsEachGetTheirOwnAnswerInBatchesOfAtMostTheSize() throws Exception {
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        Function<List<String>, Map<String, String>> loader = keys -> {
            batches.add(keys);
            return keys.stream().filter(k -> !k.endsWith("7")).collect(Collectors.toMap(k -> k, k -> "v" + k));
        };
        MicroBatcher<String, String> batcher = new MicroBatcher<>(loader, executor, 8, 2);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Optional<String>>> answers = IntStream.range(0, 2_000)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> batcher.load("k" + i % 500), callers)
                            .thenCompose(answer -> answer))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                String key = "k" + i % 500;
                assertEquals(key.endsWith("7") ? Optional.empty() : Optional.of("v" + key),
                        answers.get(i).get(30, TimeUnit.SECONDS), key);
            }
        } finally {
            callers.shutdownNow();
        }
        assertTrue(batches.stream().allMatch(batch -> !batch.isEmpty() && batch.size() <= 8), batches.toString());
    }

    /** Holds its first batch until released, and fails every batch that holds its broken key. */
    private static final class FaultyLoader implements Function<List<String>, Map<String, String>> {

        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final IllegalStateException failure = new IllegalStateException("the database is gone");
        private final String brokenKey;

        FaultyLoader(String brokenKey) {
            this.brokenKey = brokenKey;
        }

        @Override
        public Map<String, String> apply(List<String> keys) {
            batches.add(keys);
            if (firstBatchStarted.getCount() > 0) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            }
            if (keys.contains(brokenKey)) {
                throw failure;
            }
            return keys.stream().filter(k -> !k.equals("UNKNOWN"))
                    .collect(Collectors.toMap(k -> k, k -> k.toLowerCase()));
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
