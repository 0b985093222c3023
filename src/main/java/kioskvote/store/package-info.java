/**
 * The database: opening H2 or PostgreSQL, Flyway migrations, and one small DAO per table. The only
 * package with SQL. May import: of the station's features only the meeting's value types (PollState, HandOutKind), so that rows
 * are typed where they are read and no caller converts a stored word; meeting/ is pure values and imports nothing
 * of store/'s users (ArchitectureTest checks both). Otherwise Jdbi, JDBC and the drivers.
 */
package kioskvote.store;
