package dev.hailway.dispatch.matching.internal;

import java.util.function.Supplier;

import dev.hailway.dispatch.matching.Transactions;
import org.springframework.transaction.support.TransactionTemplate;

final class TemplateTransactions implements Transactions {

    private final TransactionTemplate template;

    TemplateTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
