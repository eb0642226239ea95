package it.filodiretto.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff accounts the journeys use, created once by the administrator through the Staff page (the first
 * journey asserts that step as a person sees it).
 */
final class Staff {

    static final String PASSWORD = "E2e-staff-pass-2026";
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("redattrice", "Editor");
        ACCOUNTS.put("revisore", "Reviewer");
        ACCOUNTS.put("protezione", "Civil protection");
        ACCOUNTS.put("dpo", "Privacy officer");
        ACCOUNTS.put("sportello", "Citizen-desk operator");
    }

    private static boolean created;

    private Staff() {
    }

    /** Creates the accounts (once) as the administrator, through the console. */
    static synchronized void ensure() {
        if (created) {
            return;
        }
        try (Browser admin = new Browser("en")) {
            admin.login("admin", RunningApplication.ADMIN_PASSWORD);
            admin.open("console/admin/staff.xhtml");
            for (Map.Entry<String, String> account : ACCOUNTS.entrySet()) {
                create(admin, account.getKey(), account.getValue());
            }
        }
        created = true;
    }

    static void create(Browser admin, String username, String roleLabel) {
        admin.click("button[id$='new']");
        admin.type("input[id='create:username']", username);
        admin.type("input[id='create:displayName']", "Utente " + username);
        admin.type("input[id='create:password']", PASSWORD);
        admin.clickText("#create\\:roles label", roleLabel);
        admin.click("button[id='create:save']");
        admin.awaitText("#list\\:accounts", username);
    }
}
