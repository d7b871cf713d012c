-- Reminders, reflection prompts and effect follow-ups (issue 6).

-- The durable reminder queue: one row per occasion (`key`), planned ahead and claimed by one
-- instance at a time. `planned_due_at` is the time as planned; `due_at` is when the job is
-- next due, later than planned once a send was retried or deferred.
create table reminder_jobs (
  id text primary key,
  -- "C": byte order, so the btree index also serves `key like 'prefix%'`.
  key text collate "C" not null unique,
  kind text not null,
  person_id text not null,
  planned_due_at timestamptz not null,
  due_at timestamptz not null,
  status text not null check (
    status in ('pending', 'sending', 'sent', 'skipped', 'cancelled', 'dead')
  ),
  attempts integer not null default 0,
  payload jsonb not null,
  last_error text,
  -- Who holds a job in 'sending', and until when; settling checks the claim.
  claim_id text,
  lease_until timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- What claiming reads: jobs that are due, and claims whose lease ran out.
create index reminder_jobs_due_idx on reminder_jobs (due_at) where status = 'pending';
create index reminder_jobs_lease_idx on reminder_jobs (lease_until) where status = 'sending';
create index reminder_jobs_person_idx on reminder_jobs (person_id, status);

-- Each person's reminder choices, one document, the last save wins.
create table reminder_settings (
  person_id text primary key,
  document jsonb not null,
  updated_at timestamptz not null default now()
);

-- The employee's answer once an activity's due date has passed; one per activity of a plan.
create table effect_follow_ups (
  plan_id text not null,
  activity_id text not null,
  id text not null,
  person_id text not null,
  visibility text not null,
  answered_at timestamptz not null,
  document jsonb not null,
  primary key (plan_id, activity_id)
);
