package org.exposure.assessor.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.exposure.assessor.domain.Correspondent;

/** One correspondent bank of the assessed bank, at path correspondents[i]. */
public final class CorrespondentFact {
    private final Correspondent correspondent;
    private final String path;

    CorrespondentFact(Correspondent correspondent, int index) {
        this.correspondent = correspondent;
        this.path = "correspondents[" + index + "]";
    }

    public String getPath() {
        return path;
    }

    public String getName() {
        return correspondent.name();
    }

    public String getCountry() {
        return correspondent.country();
    }

    public String getBic() {
        return correspondent.bic();
    }

    public boolean isSanctioned() {
        return Boolean.TRUE.equals(correspondent.sanctioned());
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", path);
        e.put("name", correspondent.name());
        if (correspondent.country() != null) {
            e.put("country", correspondent.country());
        }
        if (correspondent.bic() != null) {
            e.put("bic", correspondent.bic());
        }
        if (correspondent.sanctioned() != null) {
            e.put("sanctioned", correspondent.sanctioned());
        }
        return e;
    }
}
