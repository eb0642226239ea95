package it.filodiretto.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.datatable.export.DataTableCSVExporter;
import org.primefaces.component.export.DataExporters;

/**
 * Every console table's CSV export ({@code <p:dataExporter type="csv">}) goes through {@link SafeCsvExporter}:
 * PrimeFaces' own exporter, registered in its place at start, with every cell that a spreadsheet would read
 * as a formula ({@code = + - @}, tab, carriage return at the start) prefixed by an apostrophe (OWASP "CSV
 * injection"). What citizens and staff type can then never run in the privacy officer's spreadsheet.
 */
@ApplicationScoped
public class SafeCsvExports {

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DataExporters.register(DataTable.class, SafeCsvExporter.class, "csv");
    }

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** PrimeFaces' CSV exporter with formulas neutralised (instantiated by PrimeFaces for each export). */
    public static class SafeCsvExporter extends DataTableCSVExporter {
        @Override
        protected String escapeQuotes(String value) {
            return super.escapeQuotes(neutralise(value));
        }
    }
}
