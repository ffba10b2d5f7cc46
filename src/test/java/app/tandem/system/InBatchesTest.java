package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class InBatchesTest {

    /** Work done in a transaction is kept only when that transaction commits, as a database would. */
    private static final class Ledger extends AbstractPlatformTransactionManager {
        final List<Integer> kept = new ArrayList<>();
        final List<Integer> open = new ArrayList<>();
        int commits;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            open.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            kept.addAll(open);
            open.clear();
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            open.clear();
        }
    }

    @Test
    void shouldKeepEveryGoodItemOnceAndReportTheBadOneAloneWhenItsBatchFails() {
        Ledger ledger = new Ledger();
        List<String> results = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();

        new InBatches(ledger).run(List.of(1, 2, 3, 4, 5, 6, 7), 3, item -> {
            if (item == 5) {
                throw new IllegalStateException("refused");
            }
            ledger.open.add(item);
            return "started " + item;
        }, (item, refused) -> "not started " + item + ": " + refused.getMessage(), done -> {
            results.addAll(done);
            batchSizes.add(done.size());
        });

        assertThat(ledger.kept).containsExactly(1, 2, 3, 4, 6, 7);
        assertThat(results).containsExactly("started 1", "started 2", "started 3", "started 4",
                "not started 5: refused", "started 6", "started 7");
        assertThat(batchSizes).containsExactly(3, 3, 1);
        // The first and last batches in one transaction each; the failed one item by item, the bad item rolled back.
        assertThat(ledger.commits).isEqualTo(4);
    }
}
