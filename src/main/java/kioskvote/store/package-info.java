/**
 * The database: opening H2 or PostgreSQL, Flyway migrations, and one small DAO per table. The only
 * package with SQL. May import: nothing of the station's features (only Jdbi, JDBC and the drivers).
 */
package kioskvote.store;
