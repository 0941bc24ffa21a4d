-- Run once by the mysql:8.0 image on an empty data directory (docker-entrypoint-initdb.d).
-- The CDC user gets the privileges Debezium's MySQL connector documents: SELECT to snapshot,
-- RELOAD for the short FLUSH TABLES WITH READ LOCK that pins MySQL's snapshot position, SHOW
-- DATABASES to list what the include lists match, REPLICATION SLAVE/CLIENT to read the binlog.
CREATE USER IF NOT EXISTS 'cdc'@'%' IDENTIFIED BY 'cdc-secret';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc'@'%';
CREATE DATABASE IF NOT EXISTS rb;
