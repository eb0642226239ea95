package it.filodiretto.web.campaign;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One template parameter as a page input (ui:repeat needs a property to bind), and the conversions around it. */
public class TemplateParameter implements Serializable {

    private String value;

    public TemplateParameter(String value) {
        this.value = value;
    }

    /** {@code size} inputs, keeping the values typed so far. */
    static List<TemplateParameter> resize(List<TemplateParameter> current, int size) {
        List<TemplateParameter> result = new ArrayList<>(current.subList(0, Math.min(size, current.size())));
        while (result.size() < size) {
            result.add(new TemplateParameter(""));
        }
        return result;
    }

    static List<TemplateParameter> of(List<String> values) {
        return new ArrayList<>(values.stream().map(TemplateParameter::new).toList());
    }

    static List<String> values(List<TemplateParameter> parameters) {
        return parameters.stream().map(p -> p.getValue() == null ? "" : p.getValue()).toList();
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
