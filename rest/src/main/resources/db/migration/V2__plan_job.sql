-- The server's plan id (GET /api/plans/{id}) of the solve that makes a stored plan version: follow it while solving.
ALTER TABLE plan ADD COLUMN job_id VARCHAR(64);
