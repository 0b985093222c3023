package kioskvote.store;

import java.util.List;

import org.jdbi.v3.core.Handle;

/** The chair's and the desk clerk's sign-in secrets, as salted PBKDF2 hashes. */
public final class StaffCredentialDao {
    public record CredentialRow(String role, String salt, String hash) {
    }

    private final Handle handle;

    public StaffCredentialDao(Handle handle) {
        this.handle = handle;
    }

    public List<CredentialRow> all() {
        return handle.createQuery("SELECT role, salt, hash FROM staff_credential ORDER BY role")
                .map((rs, ctx) -> new CredentialRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Sets or replaces the role's secret. */
    public void put(CredentialRow row) {
        handle.createUpdate("DELETE FROM staff_credential WHERE role = ?").bind(0, row.role()).execute();
        handle.createUpdate("INSERT INTO staff_credential (role, salt, hash) VALUES (?, ?, ?)")
                .bind(0, row.role()).bind(1, row.salt()).bind(2, row.hash()).execute();
    }

    public void remove(String role) {
        handle.createUpdate("DELETE FROM staff_credential WHERE role = ?").bind(0, role).execute();
    }
}
