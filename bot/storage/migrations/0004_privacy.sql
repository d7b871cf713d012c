-- Privacy (issue 8): the retention job's lease, so of several instances one runs it at a time.
create table job_leases (
  name text primary key,
  holder text not null,
  lease_until timestamptz not null
);
-- The retention job removes what is older than the profiles keep: by time.
create index audit_log_at_idx on audit_log (at);
create index preparation_drafts_updated_idx on preparation_drafts (updated_at);
