-- The database and its two logins, made once by the compose db-init service as sa (or by a DBA):
--   failingwell_migrate  owns the schema changes: EF migrations and the scheduler's tables. Used only
--                        by the one-off migrate job of each release.
--   failingwell_app      what every web node connects as: reads and writes rows, nothing else (no DDL,
--                        no permission to change logins, users or the server).
-- sqlcmd takes the passwords from the environment: APP_DB_PASSWORD and MIGRATE_DB_PASSWORD (no single
-- quotes in them). Safe to run again: what exists is left, and the role memberships are set again.
IF DB_ID(N'FailingWell') IS NULL
    CREATE DATABASE [FailingWell];
GO
IF SUSER_ID(N'failingwell_migrate') IS NULL
    CREATE LOGIN [failingwell_migrate] WITH PASSWORD = N'$(MIGRATE_DB_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [FailingWell];
IF SUSER_ID(N'failingwell_app') IS NULL
    CREATE LOGIN [failingwell_app] WITH PASSWORD = N'$(APP_DB_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [FailingWell];
GO
USE [FailingWell];
GO
IF USER_ID(N'failingwell_migrate') IS NULL
    CREATE USER [failingwell_migrate] FOR LOGIN [failingwell_migrate];
IF USER_ID(N'failingwell_app') IS NULL
    CREATE USER [failingwell_app] FOR LOGIN [failingwell_app];
GO
ALTER ROLE [db_ddladmin] ADD MEMBER [failingwell_migrate];
ALTER ROLE [db_datareader] ADD MEMBER [failingwell_migrate];
ALTER ROLE [db_datawriter] ADD MEMBER [failingwell_migrate];
ALTER ROLE [db_datareader] ADD MEMBER [failingwell_app];
ALTER ROLE [db_datawriter] ADD MEMBER [failingwell_app];
GO
