-- Kompetensdialog's operational schema. Runs on PostgreSQL and on PGlite alike.
-- Applied once inside the migration runner's transaction: no BEGIN/COMMIT here, and never
-- edit this file once released: put changes in 0002_… and onwards.

-- botbuilder Storage: conversation state, user state and dialog stacks, one document per key.
create table bot_state (
  key text primary key,
  document jsonb not null,
  etag text not null,
  updated_at timestamptz not null default now()
);

-- One row per scope that got its welcome card ('personal:<user>', 'team:<team>').
create table welcomes (
  scope_key text primary key,
  welcomed_at timestamptz not null default now()
);

-- How to reach a user proactively, per conversation they were seen in.
create table conversation_references (
  user_id text not null,
  conversation_id text not null,
  conversation_type text not null,
  service_url text not null,
  tenant_id text not null,
  reference jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, conversation_id)
);

create table audit_log (
  id text primary key,
  -- clock_timestamp, not now(): entries written in one transaction keep their order.
  at timestamptz not null default clock_timestamp(),
  actor_id text not null,
  action text not null,
  subject_person_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_subject_idx on audit_log (subject_person_id, at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);

-- The domain. Each document is stored whole as jsonb, validated by the core schemas; the
-- columns beside it repeat the fields that queries filter on, so they can be indexed.
--
-- Versioned documents: the current version in the main table (what every query reads) and
-- every version, the current one included, in the *_versions table (the history).

create table individual_plans (
  id text primary key,
  employee_id text not null,
  manager_id text not null,
  profile_id text not null,
  year integer not null,
  status text not null,
  agreed_at timestamptz,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null,
  -- One plan per employee and year: a second one is a conflict, not a duplicate.
  unique (employee_id, year)
);
create index individual_plans_manager_idx on individual_plans (manager_id, year);
create index individual_plans_status_idx on individual_plans (year, status);

create table individual_plan_versions (
  id text not null references individual_plans (id) on delete cascade,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null,
  primary key (id, version)
);

create table team_plans (
  id text primary key,
  unit_id text not null,
  profile_id text not null,
  year integer not null,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null,
  unique (unit_id, year)
);

create table team_plan_versions (
  id text not null references team_plans (id) on delete cascade,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null,
  primary key (id, version)
);

create table reflections (
  id text primary key,
  person_id text not null,
  visibility text not null,
  created_at timestamptz not null,
  document jsonb not null
);
create index reflections_person_idx on reflections (person_id, created_at desc);

create table dialogues (
  id text primary key,
  employee_id text not null,
  manager_id text not null,
  profile_id text not null,
  status text not null,
  scheduled_at timestamptz not null,
  document jsonb not null,
  updated_at timestamptz not null default now()
);
create index dialogues_employee_idx on dialogues (employee_id, scheduled_at);
create index dialogues_manager_idx on dialogues (manager_id, scheduled_at);
-- The reminder scheduler looks for upcoming dialogues in a given status.
create index dialogues_status_idx on dialogues (status, scheduled_at);

create table dialogue_preparations (
  id text primary key,
  dialogue_id text not null unique references dialogues (id) on delete cascade,
  employee_id text not null,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null
);
create index dialogue_preparations_employee_idx on dialogue_preparations (employee_id);

create table dialogue_preparation_versions (
  id text not null references dialogue_preparations (id) on delete cascade,
  version integer not null,
  document jsonb not null,
  saved_by text not null,
  saved_at timestamptz not null,
  primary key (id, version)
);
