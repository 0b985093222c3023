package kioskvote.store;

import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The chair's and the desk clerk's sign-in secrets, as salted PBKDF2 hashes. */
public final class StaffCredentialDao {
    public record CredentialRow(String role, String salt, String hash) {
    }

    private static final RowMapper<CredentialRow> ROW = ConstructorMapper.of(CredentialRow.class);

    private final Handle handle;

    public StaffCredentialDao(Handle handle) {
        this.handle = handle;
    }

    public List<CredentialRow> all() {
        return handle.createQuery("SELECT role, salt, hash FROM staff_credential ORDER BY role")
                .map(ROW).list();
    }

    /** Sets or replaces the role's secret. */
    public void put(CredentialRow row) {
        remove(row.role());
        handle.createUpdate("INSERT INTO staff_credential (role, salt, hash) VALUES (:role, :salt, :hash)").bindMethods(row).execute();
    }

    public void remove(String role) {
        handle.createUpdate("DELETE FROM staff_credential WHERE role = :role").bind("role", role).execute();
    }
}
