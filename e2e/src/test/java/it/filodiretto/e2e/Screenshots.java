package it.filodiretto.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saves a screenshot of every open browser of a journey that failed, in {@code e2e/target/e2e/screenshots}. */
public final class Screenshots implements TestWatcher {

    static final List<Browser> OPEN = new ArrayList<>();

    static Browser track(Browser browser) {
        OPEN.add(browser);
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        int n = 0;
        for (Browser b : OPEN) {
            try {
                b.screenshot(RunningApplication.WORK.resolve("screenshots").resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9]", "")
                        + "-" + (n++) + ".png"));
            } catch (Exception e) {
                // the browser itself may be what failed
            }
        }
        closeAll();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    private static void closeAll() {
        OPEN.forEach(b -> {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
        OPEN.clear();
    }
}
