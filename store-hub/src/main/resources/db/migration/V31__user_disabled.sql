-- Issue 6: an admin may disable a user (their sessions end, logins are refused) and enable them again.
ALTER TABLE hub_users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
