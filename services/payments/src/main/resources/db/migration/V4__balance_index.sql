-- Balances are sums over an account's lines. With the amount in the index, the sum reads the index only (the
-- journal is append-only, so the visibility map stays current), not every line's table row.
drop index journal_lines_account_idx;
create index journal_lines_account_idx on journal_lines (account, currency) include (amount);
