package it.filodiretto.web.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open what: one table of every console page and every {@code /api/v1} endpoint with the roles
 * allowed; everybody else gets 403 (staff) or the login page / 401 (anonymous). New pages and endpoints
 * add a row here.
 */
final class RoleMatrix {

    private static final Set<String> ALL_STAFF = Set.of("ADMIN", "EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER", "OPERATOR");

    /** A page (form login, session) or an API endpoint (Basic), and the roles allowed. */
    record Entry(String path, boolean page, Set<String> allowed) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("console/index.xhtml", true, ALL_STAFF),
            new Entry("console/password.xhtml", true, ALL_STAFF),
            new Entry("console/admin/staff.xhtml", true, Set.of("ADMIN")),
            new Entry("console/admin/whatsapp.xhtml", true, Set.of("ADMIN")),
            new Entry("console/admin/status.xhtml", true, Set.of("ADMIN")),
            new Entry("api/v1/staff", false, Set.of("ADMIN")),
            new Entry("api/v1/staff/admin", false, Set.of("ADMIN")),
            new Entry("api/v1/system/self-test", false, Set.of("ADMIN")),
            new Entry("console/audit/events.xhtml", true, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/audit/verify", false, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/audit/checkpoint", false, Set.of("PRIVACY_OFFICER")),
            new Entry("console/consent/register.xhtml", true, Set.of("PRIVACY_OFFICER")),
            new Entry("console/consent/notices.xhtml", true, Set.of("PRIVACY_OFFICER")),
            new Entry("console/consent/requests.xhtml", true, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/consents/subscribers", false, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/consents/requests", false, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/consents/statistics/weekly", false, Set.of("PRIVACY_OFFICER")),
            new Entry("api/v1/campaigns", false, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("api/v1/campaigns/post-hoc-queue", false, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("api/v1/dispatch", false, Set.of("ADMIN")),
            new Entry("console/campaigns/list.xhtml", true, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("console/campaigns/edit.xhtml", true, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("console/campaigns/view.xhtml", true, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("console/campaigns/calendar.xhtml", true, Set.of("EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER")),
            new Entry("console/emergency/send.xhtml", true, Set.of("EMERGENCY")),
            new Entry("console/assistant/knowledge/articles.xhtml", true, Set.of("EDITOR", "ADMIN")),
            new Entry("console/assistant/knowledge/article.xhtml", true, Set.of("EDITOR", "ADMIN")),
            new Entry("console/assistant/knowledge/import.xhtml", true, Set.of("EDITOR", "ADMIN")),
            new Entry("console/assistant/inbox/inbox.xhtml", true, Set.of("OPERATOR")),
            new Entry("console/assistant/inbox/records.xhtml", true, Set.of("OPERATOR")),
            new Entry("api/v1/knowledge/articles", false, Set.of("EDITOR", "ADMIN")),
            new Entry("api/v1/knowledge/synonyms", false, Set.of("EDITOR", "ADMIN")),
            new Entry("api/v1/assistant/handoffs", false, Set.of("OPERATOR")),
            new Entry("api/v1/assistant/records", false, Set.of("OPERATOR")));

    private RoleMatrix() {
    }

    /** @param users one username per role name, all with {@code password} */
    static void verify(URI base, Map<String, String> users, String password) {
        List<String> failures = new ArrayList<>();
        StaffClient anonymous = new StaffClient(base);
        for (Entry entry : ENTRIES) {
            int status = anonymous.get(entry.path(), null).statusCode();
            int expected = entry.page() ? 302 : 401;
            if (status != expected) {
                failures.add("anonymous " + entry.path() + " -> " + status + " (expected " + expected + ")");
            }
        }
        for (Map.Entry<String, String> user : users.entrySet()) {
            StaffClient browser = new StaffClient(base);
            assertThat(browser.formLogin(user.getValue(), password).statusCode()).as("login of " + user.getKey()).isEqualTo(302);
            for (Entry entry : ENTRIES) {
                HttpResponse<String> response = entry.page()
                        ? browser.get(entry.path(), null)
                        : browser.get(entry.path(), StaffClient.basic(user.getValue(), password));
                int expected = entry.allowed().contains(user.getKey()) ? 200 : 403;
                if (response.statusCode() != expected) {
                    failures.add(user.getKey() + " " + entry.path() + " -> " + response.statusCode() + " (expected " + expected + ")");
                }
            }
        }
        assertThat(failures).as("role matrix violations").isEmpty();
    }
}
