-- Preparing a dialogue comes before booking it, and an employee whose manager the directory
-- does not know may still prepare: a dialogue's time and manager become optional.
alter table dialogues alter column manager_id drop not null;
alter table dialogues alter column scheduled_at drop not null;

-- A preparation while the employee writes it, step by step. `revision` is the compare-and-set
-- guard every write checks, so a stale or double-clicked card changes nothing.
create table preparation_drafts (
  id text primary key,
  employee_id text not null,
  status text not null,
  revision integer not null,
  document jsonb not null,
  updated_at timestamptz not null default now()
);
-- At most one draft in progress per employee; sent and cancelled ones stay as a record.
create unique index preparation_drafts_one_in_progress_idx
  on preparation_drafts (employee_id) where status = 'in-progress';
