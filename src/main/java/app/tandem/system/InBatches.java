package app.tandem.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does many small pieces of work (one process start each) a batch per transaction, so a thousand starts pay for
 * twenty commits instead of a thousand. When a batch fails, its transaction is rolled back whole and each of its
 * items is tried again alone, in a transaction of its own: one bad item is then reported alone, and the others are
 * neither lost nor done twice. Called inside a transaction already open (a timer job), the batches join it and a
 * failure fails that transaction, which its owner retries.
 * <p>
 * A batch also runs in one engine command, as the starts of a timer job already do: the engine then writes the
 * batch's rows at one flush and looks its models up once, where a command per start paid both for each.
 */
@Component
public class InBatches {

    private final TransactionTemplate transactions;
    /** Null where there is no engine (the work then runs in the transaction alone). */
    private final ProcessEngineConfigurationImpl engine;

    public InBatches(PlatformTransactionManager transactions) {
        this(transactions, null);
    }

    @Autowired
    public InBatches(PlatformTransactionManager transactions, ProcessEngineConfiguration engine) {
        this.transactions = new TransactionTemplate(transactions);
        this.engine = (ProcessEngineConfigurationImpl) engine;
    }

    /**
     * @param size   how many items share one transaction
     * @param work   one item's work, inside the batch's transaction; throws to refuse (the batch is then retried item
     *               by item)
     * @param failed what became of an item whose work threw when it was tried alone; it runs outside any transaction
     * @param done   the results of each batch, in the items' order, once the batch is committed
     */
    public <T, R> void run(List<T> items, int size, Function<T, R> work, BiFunction<T, RuntimeException, R> failed,
                           Consumer<List<R>> done) {
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        for (int from = 0; from < items.size(); from += size) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + size));
            List<R> results;
            try {
                results = transactions.execute(status -> inOneCommand(() -> {
                    List<R> inBatch = new ArrayList<>(batch.size());
                    batch.forEach(item -> inBatch.add(work.apply(item)));
                    return inBatch;
                }));
            } catch (RuntimeException batchFailed) {
                if (joined) {
                    throw batchFailed;
                }
                results = new ArrayList<>(batch.size());
                for (T item : batch) {
                    results.add(alone(item, work, failed));
                }
            }
            done.accept(results);
        }
    }

    private <T, R> R alone(T item, Function<T, R> work, BiFunction<T, RuntimeException, R> failed) {
        try {
            return transactions.execute(status -> inOneCommand(() -> work.apply(item)));
        } catch (RuntimeException refused) {
            return failed.apply(item, refused);
        }
    }

    /** The engine's service calls inside {@code work} join this command instead of each opening its own. */
    private <R> R inOneCommand(Supplier<R> work) {
        if (engine == null) {
            return work.get();
        }
        return engine.getCommandExecutorTxRequired().execute(context -> work.get());
    }
}
