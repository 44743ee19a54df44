package cn.zhicheng.certificate.status.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Answers single-key reads together (the DataLoader pattern): keys asked for while a batch is being loaded wait for
 * the next batch, so a surge of reads costs one database round trip per batch instead of one per read. A quiet
 * read waits for nothing: with no batch running, its own batch starts at once.
 *
 * @param <K> the key read
 * @param <V> what the loader finds for a key; a key it leaves out of its answer is absent
 */
public final class MicroBatcher<K, V> {

    private final Function<List<K>, Map<K, V>> loader;
    private final Executor executor;
    private final int batchSize;
    private final int concurrentBatches;

    private final Object lock = new Object();
    // guarded by lock
    private final ArrayDeque<Pending<K, V>> waiting = new ArrayDeque<>();
    private int running;

    /**
     * @param loader reads the distinct keys of a batch in one go; what it throws fails that batch's reads only
     * @param executor runs the loads; it needs at least {@code concurrentBatches} threads
     */
    public MicroBatcher(Function<List<K>, Map<K, V>> loader, Executor executor, int batchSize,
            int concurrentBatches) {
        if (batchSize < 1 || concurrentBatches < 1) {
            throw new IllegalArgumentException("batch size and concurrent batches must be positive");
        }
        this.loader = loader;
        this.executor = executor;
        this.batchSize = batchSize;
        this.concurrentBatches = concurrentBatches;
    }

    /** What the loader finds for the key, once the batch it joins has been loaded. */
    public CompletableFuture<Optional<V>> load(K key) {
        Pending<K, V> pending = new Pending<>(key, new CompletableFuture<>());
        boolean start;
        synchronized (lock) {
            waiting.add(pending);
            start = running < concurrentBatches;
            if (start) {
                running++;
            }
        }
        if (start) {
            executor.execute(this::drain);
        }
        return pending.answer();
    }

    // Loads batches until no key waits; each running drain holds one of the concurrentBatches places.
    private void drain() {
        while (true) {
            List<Pending<K, V>> batch = new ArrayList<>(batchSize);
            synchronized (lock) {
                while (batch.size() < batchSize && !waiting.isEmpty()) {
                    batch.add(waiting.poll());
                }
                if (batch.isEmpty()) {
                    running--;
                    return;
                }
            }
            answer(batch);
        }
    }

    private void answer(List<Pending<K, V>> batch) {
        Map<K, List<CompletableFuture<Optional<V>>>> byKey = new LinkedHashMap<>();
        for (Pending<K, V> pending : batch) {
            byKey.computeIfAbsent(pending.key(), k -> new ArrayList<>(1)).add(pending.answer());
        }
        Map<K, V> found;
        try {
            found = loader.apply(List.copyOf(byKey.keySet()));
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.answer().completeExceptionally(e));
            return;
        }
        byKey.forEach((key, answers) -> {
            Optional<V> value = Optional.ofNullable(found.get(key));
            answers.forEach(answer -> answer.complete(value));
        });
    }

    private record Pending<K, V>(K key, CompletableFuture<Optional<V>> answer) {
    }
}
