-- The database and its two login roles on PostgreSQL 15+, made once by the compose db-init service
-- as the postgres superuser (or by a DBA), with psql:
--   failingwell_migrate  owns the schema: EF migrations and the scheduler's tables are created by it,
--                        so they are its own. Used only by the one-off migrate job of each release.
--   failingwell_app      what every web node connects as: reads and writes rows, nothing else (it
--                        cannot create, alter or drop a table, make a schema or a temporary table,
--                        or change a role).
-- Both are plain roles: no superuser, no CREATEDB, no CREATEROLE, no replication, no BYPASSRLS.
--
--   psql -X -v ON_ERROR_STOP=1 -h <server> -U postgres -d postgres -f postgresql-logins.sql
--
-- Variables (psql -v name=value), or else the environment:
--   app_password      failingwell_app's password      (else $APP_DB_PASSWORD)
--   migrate_password  failingwell_migrate's password  (else $MIGRATE_DB_PASSWORD)
--   db                the database's name             (else failingwell)
-- Any characters may be used in the passwords (psql quotes them); a connection string needs those
-- with ; or quotes quoted, so the compose file asks for none.
-- Safe to run again: what exists is kept, the passwords are set to the values given (so running it
-- again with new ones rotates them), and the grants are made again.
\set ON_ERROR_STOP on
\set QUIET on

\if :{?app_password}
\else
\getenv app_password APP_DB_PASSWORD
\endif
\if :{?migrate_password}
\else
\getenv migrate_password MIGRATE_DB_PASSWORD
\endif
\if :{?db}
\else
\set db failingwell
\endif

\if :{?app_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'No password for failingwell_app: set APP_DB_PASSWORD or psql -v app_password=...'; END $$;
\endif
\if :{?migrate_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'No password for failingwell_migrate: set MIGRATE_DB_PASSWORD or psql -v migrate_password=...'; END $$;
\endif
-- The passwords are in the statements below: keep them out of the server's log, even on an error.
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
-- Re-runs say nothing about what is already there ("already exists, skipping").
SET client_min_messages = warning;
SET password_encryption = 'scram-sha-256';
SELECT :'app_password' = '' OR :'migrate_password' = '' AS blank_password \gset
\if :blank_password
DO $$ BEGIN RAISE EXCEPTION 'A password is empty: set APP_DB_PASSWORD and MIGRATE_DB_PASSWORD.'; END $$;
\endif

-- Roles belong to the whole server.
SELECT 'CREATE ROLE failingwell_migrate' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'failingwell_migrate') \gexec
SELECT 'CREATE ROLE failingwell_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'failingwell_app') \gexec
ALTER ROLE failingwell_migrate WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'migrate_password';
ALTER ROLE failingwell_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';

-- The database is the superuser's, not either role's: its owner could drop it, and would own schema
-- public (pg_database_owner) and so every right on it.
SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', :'db')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
-- PUBLIC gets CONNECT and TEMPORARY on a new database: only the two roles connect, and neither
-- needs temporary tables.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO failingwell_migrate, failingwell_app;

\connect :"db"
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
-- Re-runs say nothing about what is already there ("already exists, skipping").
SET client_min_messages = warning;

-- Schema public: PostgreSQL 15 no longer lets PUBLIC create in it (an older cluster upgraded with
-- pg_upgrade still may, so it is revoked here too). The migrate role creates the tables, and owns them.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO failingwell_migrate;
GRANT USAGE ON SCHEMA public TO failingwell_app;

-- The word search's accent folding (used by the Baseline migration): made here, by the superuser, so the
-- migrate role needs no right on the database itself; the migration's IF NOT EXISTS then finds it.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

-- Rows only, on every table and sequence the migrate role creates from now on: the EF migrations of
-- each release and the scheduler's qrtz_ tables, which Quartz creates when it first starts.
ALTER DEFAULT PRIVILEGES FOR ROLE failingwell_migrate IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO failingwell_app;
ALTER DEFAULT PRIVILEGES FOR ROLE failingwell_migrate IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO failingwell_app;
-- And on those already there (this script run again, or on a database migrated before it).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO failingwell_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO failingwell_app;

\echo 'FailingWell logins ready on database' :db
