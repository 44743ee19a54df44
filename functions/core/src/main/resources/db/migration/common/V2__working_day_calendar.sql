-- R32: the official working-day calendar is data the HR bureau edits, never code.

create table calendar_year (
    id uuid primary key,
    calendar_year integer not null unique check (calendar_year between 2000 and 2100),
    source varchar(300),
    published boolean not null default false,
    revision bigint not null default 0,
    updated_at timestamp with time zone not null
);

create table calendar_entry (
    id uuid primary key,
    calendar_date date not null unique,
    kind varchar(16) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(100) not null,
    source varchar(300),
    created_at timestamp with time zone not null
);
