-- The double-entry ledger. Append-only; balances are sums of lines. A trip has at most one entry per kind,
-- so a replayed settlement cannot book twice.
create table journal_entries (
    id        uuid        primary key,
    trip_id   uuid        not null,
    kind      text        not null check (kind in ('FARE_CAPTURE', 'CANCELLATION_FEE')),
    booked_at timestamptz not null,
    unique (trip_id, kind)
);

create table journal_lines (
    entry_id uuid    not null references journal_entries (id),
    position int     not null,
    account  text    not null,
    amount   bigint  not null check (amount <> 0),
    currency char(3) not null,
    primary key (entry_id, position)
);
create index journal_lines_account_idx on journal_lines (account, currency);

-- Every entry sums to zero per currency and has at least two lines. Checked at commit (deferred), when all of
-- an entry's lines are in, so an unbalanced entry rolls back its whole transaction.
create function journal_line_must_balance() returns trigger language plpgsql as $$
begin
    if (select count(*) from journal_lines where entry_id = new.entry_id) < 2 then
        raise exception 'journal entry % has fewer than two lines', new.entry_id using errcode = 'check_violation';
    end if;
    if exists (select 1 from journal_lines where entry_id = new.entry_id group by currency having sum(amount) <> 0) then
        raise exception 'journal entry % does not sum to zero', new.entry_id using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create function journal_entry_lines_check() returns trigger language plpgsql as $$
begin
    if (select count(*) from journal_lines where entry_id = new.id) < 2 then
        raise exception 'journal entry % has fewer than two lines', new.id using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger journal_lines_balance
    after insert on journal_lines deferrable initially deferred
    for each row execute function journal_line_must_balance();

create constraint trigger journal_entries_have_lines
    after insert on journal_entries deferrable initially deferred
    for each row execute function journal_entry_lines_check();

-- Nothing booked is ever changed or removed: corrections are new entries.
create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% on % refused: the ledger is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger journal_entries_append_only before update or delete on journal_entries
    for each row execute function ledger_is_append_only();
create trigger journal_lines_append_only before update or delete on journal_lines
    for each row execute function ledger_is_append_only();
create trigger journal_entries_no_truncate before truncate on journal_entries
    for each statement execute function ledger_is_append_only();
create trigger journal_lines_no_truncate before truncate on journal_lines
    for each statement execute function ledger_is_append_only();

-- Each entry's sum per currency: zero for every row, which operators and tests can check at a glance.
create view journal_entry_sums as
select e.id as entry_id, e.trip_id, e.kind, l.currency, sum(l.amount) as total, count(*) as lines
from journal_entries e join journal_lines l on l.entry_id = e.id
group by e.id, e.trip_id, e.kind, l.currency;
