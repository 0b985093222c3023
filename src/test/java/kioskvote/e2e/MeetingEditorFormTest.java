package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;

/**
 * The meeting editor page's forms posted as a browser (or a clumsy hand-made request) would, in process: each
 * mistake answered 400 in the page's language under its field, the field marked, what was typed kept, no key of
 * meeting.yaml on the page, and nothing changed; a list's value that is not in the list refused the same way.
 */
class MeetingEditorFormTest {
    /** A key of meeting.yaml or a path into it, as the refusals of the file say them. */
    private static final Pattern YAML_KEY = Pattern.compile("passes_with|pass_base|majority_of|subjects\\[|candidates\\[|`");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    private String cookie;

    @BeforeEach
    void start() throws Exception {
        cookie = AdminSession.cookie(station.url(), station.passphrase());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return AdminSession.post(station.url(), path, "application/x-www-form-urlencoded", body, cookie, Map.of("Origin", station.url()));
    }

    private static Map<String, String> motion(String passesWith) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", "ke-hoach");
        form.put("kind", "motion");
        form.put("title", "Biểu quyết kế hoạch năm 2027");
        form.put("motion", "Thông qua kế hoạch công tác năm 2027");
        form.put("passes_with", passesWith);
        form.put("pass_base", "");
        form.put("abstentions", "counted");
        form.put("base", "received");
        form.put("sealed", "yes");
        return form;
    }

    private JsonNode meeting() {
        return station.api().adminGet("/api/admin/meeting").json();
    }

    private static void assertRefusedAt(HttpResponse<String> page, String input, String words, String kept) {
        assertTrue(page.statusCode() == 400 || page.statusCode() == 409, page.statusCode() + " " + page.body());
        String html = page.body();
        int at = html.indexOf("id=\"" + input + "-error\">");
        assertTrue(at > 0, "the words under " + input + ": " + html);
        assertTrue(html.substring(at, html.indexOf("</p>", at)).contains(words), "they say " + words + ": " + html.substring(at, html.indexOf("</p>", at)));
        assertTrue(html.matches("(?s).*id=\"" + input + "\"[^>]*aria-invalid=\"true\".*"), "the field is marked invalid");
        assertTrue(html.matches("(?s).*id=\"" + input + "\"[^>]*aria-describedby=\"[^\"]*" + input + "-error\".*"), "and described by the words");
        assertTrue(html.contains(kept), "what was typed is kept: " + kept);
        assertEquals(1, html.split("aria-invalid=", -1).length - 1, "one field marked, the others without the attribute");
        assertEquals(1, html.split(" autofocus", -1).length - 1, "one field focused");
        String text = html.replaceAll("(?s)<[^>]*>", " ");
        assertFalse(YAML_KEY.matcher(text).find(), "no key of meeting.yaml on the page");
    }

    @Test
    void aRuleTypedInVietnameseOrOutsideTheListIsRefusedInTheOrganisersWordsAndNothingChanges() throws Exception {
        JsonNode before = meeting();
        assertRefusedAt(post("/admin/meeting/polls?lang=vi", motion("quá 1/2")), "p-passes-with",
                "“quá 1/2” không có trong danh sách; hãy chọn một mục trong danh sách.", "Thông qua kế hoạch công tác năm 2027");
        assertRefusedAt(post("/admin/meeting/polls?lang=en", motion("half")), "p-passes-with",
                "“half” is not in the list; choose one of the list.", "Biểu quyết kế hoạch năm 2027");
        Map<String, String> badBase = motion("2/3 or more");
        badBase.put("pass_base", "everyone");
        assertRefusedAt(post("/admin/meeting/polls?lang=vi", badBase), "p-pass-base", "“everyone” không có trong danh sách", "ke-hoach");
        Map<String, String> badId = motion("more than 1/2");
        badId.put("id", "Kế hoạch");
        assertRefusedAt(post("/admin/meeting/polls?lang=vi", badId), "p-id", "Mã chỉ gồm chữ thường không dấu", "Kế hoạch");
        assertEquals(before, meeting(), "nothing changed");

        assertEquals(303, post("/admin/meeting/polls?lang=vi", motion("2/3 or more")).statusCode(), "a rule of the list is stored");
        assertEquals("2/3 or more", station.station().meeting().poll("ke-hoach").orElseThrow().motionRule().orElseThrow().rule());
        assertRefusedAt(post("/admin/meeting/polls?lang=vi", motion("more than 1/2")), "p-id", "đã được một cuộc bỏ phiếu khác dùng",
                "Biểu quyết kế hoạch năm 2027");
    }

    @Test
    void theDetailsAndTheCommitteeAreRefusedUnderTheirFields() throws Exception {
        JsonNode before = meeting();
        Map<String, String> details = new LinkedHashMap<>(Map.of("title", "Hội nghị", "date", "10/12/2026", "summoned", "40", "place", "Hội trường"));
        assertRefusedAt(post("/admin/meeting/details?lang=vi", details), "d-date", "Ngày chưa đúng (đã nhập “10/12/2026”)", "Hội trường");
        details.put("date", "2026-12-10");
        details.put("summoned", "bốn mươi");
        assertRefusedAt(post("/admin/meeting/details?lang=en", details), "d-summoned", "A whole number of at least 1 is needed", "bốn mươi");
        Map<String, String> committee = new LinkedHashMap<>(Map.of("name1", "Phạm Thị Hoa", "role1", "Trưởng ban", "name2", "",
                "role2", "Thư ký", "threshold", "2", "action", "save"));
        assertRefusedAt(post("/admin/meeting/committee?lang=vi", committee), "name2", "Thành viên 2 có chức vụ nhưng chưa có họ tên.", "Thư ký");
        committee.put("name2", "Đỗ Minh Khang");
        committee.put("threshold", "3");
        assertRefusedAt(post("/admin/meeting/committee?lang=vi", committee), "threshold",
                "Cần 3 thẻ để mở hòm phiếu niêm phong nhưng ban kiểm phiếu chỉ có 2 người", "Đỗ Minh Khang");
        assertEquals(before, meeting(), "nothing changed");
    }
}
