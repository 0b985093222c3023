package kioskvote.web;

import java.util.List;

import kioskvote.slip.SlipOffice.IssuedRun;
import kioskvote.store.SlipDao.BatchRow;

/** The small answers of the admin API (docs/api.md, "Admin"): presence typed in, slips issued and voided, staff secrets. */
final class AdminJson {
    private AdminJson() {
    }

    /** POST /api/admin/present */
    record Present(int present) {
    }

    /** POST /api/admin/slips with "format": "json": the run and each slip's address and short code. */
    record IssuedSlips(String batchId, List<IssuedSlip> slips) {
        static IssuedSlips of(IssuedRun run) {
            return new IssuedSlips(run.batchId(), run.slips().stream().map(s -> new IssuedSlip(s.url(), s.shortCode())).toList());
        }
    }

    record IssuedSlip(String url, String shortCode) {
    }

    /** POST /api/admin/slips/void: the code given. */
    record VoidedSlip(String voided) {
    }

    /** POST /api/admin/slips/void-run: how many unused slips of the run were voided. */
    record VoidedRun(String batchId, int voided) {
    }

    /** GET /api/admin/slips: every run, its slips and how many are void. */
    record Batches(List<Batch> batches) {
        static Batches of(List<BatchRow> rows) {
            return new Batches(rows.stream().map(b -> new Batch(b.batchId(), b.label(), b.slipCount(),
                    String.valueOf(b.createdAt()), b.voided())).toList());
        }
    }

    /** {@code createdAt} as ISO-8601 UTC, e.g. 2026-12-10T08:31:05Z. */
    record Batch(String batchId, String label, int slipCount, String createdAt, int voided) {
    }

    /** POST /api/admin/staff/{role} and …/remove: the role (chair, desk_clerk) and whether it now has a secret. */
    record StaffSecret(String role, boolean set) {
    }
}
