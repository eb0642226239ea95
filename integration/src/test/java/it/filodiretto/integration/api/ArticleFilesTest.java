package it.filodiretto.integration.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFilesTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonWithArticlesAndSynonyms() {
        ArticleFiles.Contents c = ArticleFiles.read("kb.json",
                utf8("""
                        {"synonyms": ["tari, tassa rifiuti"],
                         "articles": [{"slug": "tributi-tari", "title": "TARI", "text": "Si paga in tre rate.", "link": "https://www.comune.esempio.it/tari",
                                       "tags": ["tari", "tributi"], "language": "it", "validUntil": "2027-12-31"}]}"""));
        assertThat(c.problems()).isEmpty();
        assertThat(c.synonyms()).containsExactly("tari, tassa rifiuti");
        assertThat(c.articles()).singleElement().satisfies(a -> {
            assertThat(a.slug()).isEqualTo("tributi-tari");
            assertThat(a.tagList()).containsExactly("tari", "tributi");
            assertThat(a.validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        });
    }

    @Test
    void csvWithAHeaderRowAndQuotedText() {
        ArticleFiles.Contents c = ArticleFiles.read("kb.csv", utf8("slug,title,text,link,tags,valid_from\n"
                + "anagrafe-orari,Orari anagrafe,\"Aperto dal lunedì, al venerdì.\nSu appuntamento.\",https://www.comune.esempio.it/anagrafe,anagrafe;orari,2026-01-01\n"));
        assertThat(c.problems()).isEmpty();
        assertThat(c.articles()).singleElement().satisfies(a -> {
            assertThat(a.text()).contains("lunedì, al venerdì").contains("appuntamento");
            assertThat(a.tagList()).containsExactly("anagrafe", "orari");
            assertThat(a.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        });
    }

    @Test
    void aFolderOfMarkdownAndHtmlPagesInAZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("pagine/mensa-scolastica.md"));
            zip.write(utf8(
                    "---\nlink: https://www.comune.esempio.it/mensa\ntags: scuola, mensa\n---\n# Mensa scolastica\n\nIscrizioni online entro il 31 luglio.\n"));
            zip.putNextEntry(new ZipEntry("pagine/biblioteca.html"));
            zip.write(utf8(
                    "<html lang=\"it\"><head><title>x</title><link rel=\"canonical\" href=\"https://www.comune.esempio.it/biblioteca\">"
                            + "<meta name=\"keywords\" content=\"biblioteca, prestito\"></head><body><nav>menu</nav><main><h1>Biblioteca civica</h1>"
                            + "<p>Aperta dal martedì al sabato.</p><ul><li>Prestito gratuito</li></ul><script>alert(1)</script></main></body></html>"));
        }
        ArticleFiles.Contents c = ArticleFiles.read("sito.zip", bytes.toByteArray());
        assertThat(c.problems()).isEmpty();
        assertThat(c.articles()).hasSize(2);
        assertThat(c.articles().get(0).slug()).isEqualTo("mensa-scolastica");
        assertThat(c.articles().get(0).title()).isEqualTo("Mensa scolastica");
        assertThat(c.articles().get(0).text()).isEqualTo("Iscrizioni online entro il 31 luglio.");
        assertThat(c.articles().get(1).title()).isEqualTo("Biblioteca civica");
        assertThat(c.articles().get(1).link()).isEqualTo("https://www.comune.esempio.it/biblioteca");
        assertThat(c.articles().get(1).text()).contains("martedì").contains("- Prestito gratuito").doesNotContain("menu")
                .doesNotContain("alert");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndLine() {
        ArticleFiles.Contents c = ArticleFiles.read(Map.of(
                "a.json",
                utf8("[{\"slug\": \"ok\", \"title\": \"T\", \"text\": \"t\"}, {\"slug\": \"ok\", \"title\": \"\", \"text\": \"t\"},"
                        + " {\"slug\": \"b\", \"title\": \"T\", \"text\": \"t\", \"validFrom\": \"1/1/2027\"}, 3]"),
                "b.csv", utf8("slug,colour\nx,red\n"),
                "c.json", utf8("{not json"),
                "d.pdf", utf8("%PDF")));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::file, ArticleFiles.Problem::line, ArticleFiles.Problem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("a.json", 2, "error.article.titleRequired"),
                        org.assertj.core.groups.Tuple.tuple("a.json", 3, "error.import.badDate"),
                        org.assertj.core.groups.Tuple.tuple("a.json", 4, "error.import.notAnArticle"),
                        org.assertj.core.groups.Tuple.tuple("b.csv", 1, "error.import.unknownColumn"),
                        org.assertj.core.groups.Tuple.tuple("d.pdf", 0, "error.import.unknownFormat"));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).contains("error.import.badJson");
    }

    @Test
    void aRepeatedSlugIsAProblem() {
        ArticleFiles.Contents c = ArticleFiles.read("a.json",
                utf8("[{\"slug\":\"x\",\"title\":\"T\",\"text\":\"t\"},{\"slug\":\"x\",\"title\":\"U\",\"text\":\"u\"}]"));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).containsExactly("error.import.duplicateSlug");
    }

    @Test
    void nestedArchivesShareOneDecompressedBudget() throws Exception {
        // five inner ZIPs of 15 MB of blanks each (a few KB compressed): each fits alone, together they do not
        byte[] inner = zip(Map.of("synonyms.txt", new byte[15 * 1024 * 1024]));
        Map<String, byte[]> outer = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            outer.put("parte" + i + ".zip", inner);
        }
        ArticleFiles.Contents c = ArticleFiles.read("sito.zip", zip(outer));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).containsExactly("error.import.tooLarge");
        assertThat(c.articles()).isEmpty();
    }

    @Test
    void separateFilesOfOneImportShareTheBudgetToo() {
        byte[] twelveMegabytes = new byte[12 * 1024 * 1024];
        ArticleFiles.Contents c = ArticleFiles.read(Map.of("synonyms-a.txt", twelveMegabytes, "synonyms-b.txt", twelveMegabytes));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).containsExactly("error.import.tooLarge");
    }

    @Test
    void archivesNestedTooDeepAreRefused() throws Exception {
        byte[] archive = zip(Map.of("p.md", utf8("# Titolo\n\ntesto\n")));
        for (int level = 0; level < ArticleFiles.MAX_ZIP_DEPTH; level++) {
            archive = zip(Map.of("livello" + level + ".zip", archive));
        }
        ArticleFiles.Contents c = ArticleFiles.read("bomba.zip", archive);
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).containsExactly("error.import.nestedTooDeep");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Map<String, byte[]> pages = new java.util.LinkedHashMap<>();
        for (int i = 0; i <= ArticleFiles.MAX_ENTRIES; i++) {
            pages.put("synonyms" + i + ".txt", new byte[0]);
        }
        ArticleFiles.Contents c = ArticleFiles.read("tanti.zip", zip(pages));
        assertThat(c.problems()).extracting(ArticleFiles.Problem::messageKey).containsExactly("error.import.tooManyFiles");
    }

    private static byte[] zip(Map<String, byte[]> entries) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }
}
