package org.exposure.assessor.api.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The parts of a multipart list upload, for the OpenAPI document only (the resource reads the parts itself). */
@Schema(name = "ListParts", description = "One file part per file of the source: OFAC-SDN takes sdn (required), alt and add; the other sources one part named file.")
public final class ListPartsForm {
    @Schema(type = SchemaType.STRING, format = "binary", description = "OFAC sdn.csv (required for OFAC-SDN).")
    public String sdn;

    @Schema(type = SchemaType.STRING, format = "binary", description = "OFAC alt.csv: aliases (optional).")
    public String alt;

    @Schema(type = SchemaType.STRING, format = "binary", description = "OFAC add.csv: addresses (optional).")
    public String add;

    @Schema(type = SchemaType.STRING, format = "binary", description = "The file of a source published as one file (US-CSL, UN, OPENSANCTIONS).")
    public String file;

    private ListPartsForm() {
    }
}
