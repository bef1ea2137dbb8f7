-- Record one flow run's summary.
INSERT OR REPLACE INTO sync_runs BY NAME
SELECT * FROM incoming_run;
