package it.filodiretto.web.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A console page without a row in the role matrix would escape the role checks of {@code FoundationIT}. */
class RoleMatrixCoverageTest {

    @Test
    void everyConsolePageHasARowInTheRoleMatrix() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        List<String> pages;
        try (Stream<Path> files = Files.walk(webapp.resolve("console"))) {
            pages = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> webapp.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> inMatrix = RoleMatrix.ENTRIES.stream().filter(RoleMatrix.Entry::page).map(RoleMatrix.Entry::path).toList();

        assertThat(pages).hasSizeGreaterThan(15);
        assertThat(inMatrix).containsAll(pages);
    }
}
