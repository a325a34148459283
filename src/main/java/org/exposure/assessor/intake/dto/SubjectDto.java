package org.exposure.assessor.intake.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A subject as a client submits it; {@code type} selects the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = GoodsDto.class, name = "GOODS"),
        @JsonSubTypes.Type(value = SupplierDto.class, name = "SUPPLIER"),
        @JsonSubTypes.Type(value = BankDto.class, name = "BANK")})
@Schema(name = "Subject", type = SchemaType.OBJECT,
        description = "An entity to assess: a bank, a supplier or a goods category. The field \"type\" selects the kind.",
        oneOf = {GoodsDto.class, SupplierDto.class, BankDto.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "GOODS", schema = GoodsDto.class),
                @DiscriminatorMapping(value = "SUPPLIER", schema = SupplierDto.class),
                @DiscriminatorMapping(value = "BANK", schema = BankDto.class)})
public sealed interface SubjectDto permits GoodsDto, SupplierDto, BankDto {
    String type();

    String ref();

    String name();

    List<String> aliases();

    String country();

    String region();
}
