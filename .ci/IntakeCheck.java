import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * CI helper for .ci/intake-crash-test.sh (not part of the product): reads the wamids whose webhooks were answered
 * 200 and counts, in the stopped server's H2 database, those with no recorded status; prints the figures and exits 1
 * when any is missing. Usage: java -cp h2.jar .ci/IntakeCheck.java <jdbc-url> <accepted-file>
 */
public class IntakeCheck {
    public static void main(String[] args) throws Exception {
        List<String> accepted = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int missing = 0;
        try (Connection c = DriverManager.getConnection(args[0], "filodiretto", "filodiretto");
             PreparedStatement q = c.prepareStatement("select count(*) from message_status where wamid = ?")) {
            for (String wamid : accepted) {
                q.setString(1, wamid);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        missing++;
                    }
                }
            }
            try (ResultSet r = c.createStatement().executeQuery("select count(*) from webhook_event where processed_at is null")) {
                r.next();
                System.out.println("accepted (answered 200): " + accepted.size() + "; without a recorded status: " + missing
                        + "; stored webhooks still unprocessed: " + r.getInt(1));
            }
        }
        System.exit(missing == 0 && !accepted.isEmpty() ? 0 : 1);
    }
}
