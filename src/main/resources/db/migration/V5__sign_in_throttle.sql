-- Failed sign-ins, counted so that guessing slows down (security/SignInThrottle). One row per key: an account
-- from one client address, an account from anywhere (address ''), an address whatever the account
-- (name_hash ''). The typed username is kept as a hash, readable only when it names an account. Rows go once
-- their last failure is older than tandem.sign-in.forget-after.
create table sign_in_throttle (
    name_hash        varchar(64)  not null,
    address          varchar(64)  not null,
    account          varchar(64),
    failures         integer      not null,
    last_failure_at  timestamp    not null,
    throttled_until  timestamp,
    primary key (name_hash, address)
);

create index sign_in_throttle_by_account on sign_in_throttle (account);
create index sign_in_throttle_by_last_failure on sign_in_throttle (last_failure_at);
