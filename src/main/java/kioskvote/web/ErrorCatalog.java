package kioskvote.web;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import kioskvote.text.Language;
import kioskvote.text.Refusal;
import kioskvote.text.Texts;

/**
 * Every refusal the station can give as HTTP: the one table of code → status. The vi/en message comes
 * from the bundles ({@code error.<code>}); the refusal types themselves carry only a code and values.
 */
public final class ErrorCatalog {
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            // token (token/TokenRejected)
            entry("token_malformed", 400),
            entry("token_bad_signature", 403),
            entry("token_other_meeting", 403),
            entry("token_already_used", 409),
            entry("token_voided", 403),
            entry("token_not_issued", 403),
            entry("token_unsigned", 403),
            entry("token_code_typo", 400),
            // ballot (ballot/BallotRejected)
            entry("unknown_poll", 404),
            entry("poll_not_open", 409),
            entry("unknown_question", 400),
            entry("unknown_option", 400),
            entry("too_many_marks", 400),
            entry("bad_receipt", 400),
            entry("receipt_taken", 409),
            entry("bad_ballot", 400),
            entry("box_not_sealed", 409),
            // poll lifecycle (poll/PollRejected)
            entry("poll_not_draft", 409),
            entry("poll_already_closed", 409),
            entry("results_not_ready", 409),
            entry("results_already_shown", 409),
            entry("results_not_shown", 409),
            entry("bad_count", 400),
            entry("presence_from_roster", 409),
            entry("quorum_not_met", 409),
            entry("awaiting_count", 409),
            entry("poll_not_closed", 409),
            entry("not_sealed", 409),
            entry("already_counted", 409),
            entry("card_dealt", 410),
            entry("box_damaged", 409),
            entry("box_key_unsigned", 409),
            entry("device_sealing_required", 409),
            // the committee's key cards (poll/ShareRefused)
            entry("share_malformed", 400),
            entry("share_check_character", 400),
            entry("share_checksum", 400),
            entry("share_other_poll", 409),
            entry("share_duplicate", 400),
            entry("shares_too_few", 409),
            entry("shares_wrong_combination", 409),
            entry("practice_has_no_minutes", 409),
            entry("not_an_election", 409),
            entry("no_second_round", 409),
            entry("second_round_exists", 409),
            entry("meeting_changed", 409),
            // the meeting editor (editor/EditRefused)
            entry("invalid_entry", 400),
            entry("unknown_key", 400),
            entry("unknown_key_no_match", 400),
            entry("poll_frozen", 409),
            entry("poll_has_traces", 409),
            entry("poll_id_taken", 409),
            entry("poll_not_in_meeting", 404),
            entry("poll_id_mismatch", 400),
            entry("order_incomplete", 400),
            entry("last_poll", 409),
            entry("committee_holds_cards", 409),
            entry("meeting_changed_elsewhere", 409),
            entry("summoned_below_present", 409),
            entry("meeting_id_read_only", 400),
            entry("field_empty", 400),
            entry("field_hidden_character", 400),
            entry("line_hidden_character", 400),
            entry("whole_number_needed", 400),
            entry("poll_id_format", 400),
            entry("date_format", 400),
            entry("subject_line_incomplete", 400),
            entry("candidate_line_incomplete", 400),
            entry("not_in_list", 400),
            entry("member_name_missing", 400),
            entry("committee_needed", 400),
            entry("threshold_over_members", 400),
            // paper ballots (paper/PaperRejected)
            entry("bad_batch", 400),
            entry("bad_teller", 400),
            entry("bad_paper_line", 400),
            entry("repeated_code", 400),
            entry("two_tellers_already", 409),
            entry("batch_already_accepted", 409),
            entry("slips_refused", 409),
            // slips (slip/SlipRejected)
            entry("bad_slip_count", 400),
            entry("unknown_slip", 404),
            // roster and desk (roster/RosterRejected)
            entry("unknown_person", 404),
            entry("already_handed_out", 409),
            entry("not_handed_out", 409),
            entry("slip_already_cast", 409),
            entry("slip_already_void", 409),
            entry("new_slip_code_missing", 400),
            entry("kiosk_voter_has_no_slip", 409),
            entry("kiosk_ballot_already_sent", 409),
            entry("has_ballot", 409),
            entry("poll_closed", 409),
            entry("bad_kind", 400),
            entry("cannot_undo_kind", 409),
            entry("may_have_voted", 409),
            entry("bad_csv", 400),
            entry("empty_name", 400),
            entry("name_too_long", 400),
            entry("invisible_character", 400),
            entry("already_on_roster", 409),
            entry("person_holds_ballot", 409),
            entry("person_is_present", 409),
            // kiosks (kiosk/KioskRejected)
            entry("bad_kiosk_name", 400),
            entry("kiosk_busy", 409),
            entry("kiosk_session_gone", 410),
            entry("kiosk_not_enrolled", 403),
            entry("kiosk_code_wrong", 403),
            entry("kiosk_unknown", 409),
            entry("kiosk_proof_bad", 403),
            entry("kiosk_key_missing", 400),
            // admin access (admin/AccessRefused)
            entry("unauthorized", 401),
            entry("staff_on_laptop", 403),
            entry("staff_needs_https", 403),
            entry("cross_site", 403),
            entry("too_many_attempts", 429),
            entry("role_not_allowed", 403),
            entry("secret_too_short", 400),
            entry("secret_in_use", 409),
            // request input (web/BadRequest)
            entry("bad_json", 400),
            entry("body_too_large", 413),
            entry("missing_field", 400),
            entry("photo_no_code", 400),
            entry("wrong_type", 400),
            entry("bad_encoding", 400),
            entry("bad_body", 400),
            entry("body_too_slow", 408),
            entry("bad_multipart", 400),
            // the station itself (Routes)
            entry("not_found", 404),
            entry("try_again", 503),
            entry("disk_full", 503),
            entry("internal_error", 500));

    private ErrorCatalog() {
    }

    public static ApiError of(Refusal refusal) {
        Integer status = STATUS.get(refusal.code());
        if (status == null) throw new IllegalStateException("no HTTP status for " + refusal.code());
        return new ApiError(status, refusal.code(), Texts.of(Language.VI).message(refusal), Texts.of(Language.EN).message(refusal));
    }

    public static ApiError notFound() {
        return of(new StationError("not_found"));
    }

    /** The database is unreachable or locked: nothing was recorded, the voter may simply retry. */
    public static ApiError unavailable() {
        return of(new StationError("try_again"));
    }

    public static ApiError internalError() {
        return of(new StationError("internal_error"));
    }

    /** Every code the catalogue knows. */
    static Set<String> codes() {
        return STATUS.keySet();
    }

    /** An error of the station itself, not a refusal of a feature. */
    private record StationError(String code) implements Refusal {
        @Override
        public Map<String, Object> args() {
            return Map.of();
        }
    }

    /** The disk holding the database is full: nothing was recorded; voting resumes by itself once space is freed. */
    public static ApiError diskFull() {
        return of(new StationError("disk_full"));
    }
}
