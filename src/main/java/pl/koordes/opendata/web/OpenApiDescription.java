package pl.koordes.opendata.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import pl.koordes.opendata.internal.ApiQueries;
import pl.koordes.opendata.internal.Datasets;
import pl.koordes.opendata.internal.OpenDataAnswers;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;

/**
 * Completes the OpenAPI description springdoc generates from {@link OpenDataApiController}: the controller
 * serves every collection through one generic mapping, so the concrete paths, parameters and item
 * schemas are written here from the same {@link PublicDataset} declarations that the answers are built
 * from — the description cannot drift from what is served.
 */
@Component
class OpenApiDescription implements OpenApiCustomizer {

    private static final String REFS = "#/components/schemas/";

    private final Datasets datasets;

    OpenApiDescription(Datasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info()
                .title("KoordES — otwarte dane")
                .version("1")
                .description("Publiczne dane programu w formacie JSON i CSV: tylko do odczytu, bez logowania. "
                        + "Opis po polsku: /dane.")
                .license(new License().name("CC BY 4.0").url("https://creativecommons.org/licenses/by/4.0/deed.pl")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        components.addSchemas("Problem", problem());
        components.addSchemas("Links", links());
        components.addSchemas("Meta", meta());
        Paths paths = new Paths();
        paths.addPathItem(
                OpenDataAnswers.BASE,
                new PathItem()
                        .get(new Operation()
                                .operationId("collections")
                                .summary("Lista zbiorów danych z adresami")
                                .responses(responses(json(new ObjectSchema()), false))));
        for (PublicDataset dataset : datasets.all()) {
            String schema = schemaName(dataset);
            components.addSchemas(schema, item(dataset));
            String base = OpenDataAnswers.BASE + "/" + dataset.name();
            paths.addPathItem(
                    base,
                    new PathItem()
                            .get(new Operation()
                                    .operationId(dataset.name())
                                    .summary(dataset.title())
                                    .description(dataset.description())
                                    .parameters(parameters(dataset, true))
                                    .responses(responses(json(page(schema)), true))));
            paths.addPathItem(
                    base + "/{id}",
                    new PathItem()
                            .get(new Operation()
                                    .operationId(dataset.name() + "Item")
                                    .summary(dataset.title() + " — jeden element")
                                    .addParametersItem(new Parameter()
                                            .in("path")
                                            .name("id")
                                            .required(true)
                                            .schema(new StringSchema()))
                                    .responses(responses(
                                                    json(new ObjectSchema().addProperty("data", ref(schema))), false)
                                            .addApiResponse("404", problemResponse("Nie ma takiego elementu")))));
            paths.addPathItem(
                    base + ".csv",
                    new PathItem()
                            .get(new Operation()
                                    .operationId(dataset.name() + "Csv")
                                    .summary(dataset.title() + " — cały zbiór w CSV")
                                    .description(
                                            "UTF-8 ze znacznikiem BOM, średnik jako separator (Excel w polskich ustawieniach);"
                                                    + " komórki zaczynające się od = + - @ poprzedzone apostrofem.")
                                    .parameters(parameters(dataset, false))
                                    .responses(responses(
                                            new Content()
                                                    .addMediaType(
                                                            "text/csv", new MediaType().schema(new StringSchema())),
                                            true))));
        }
        api.paths(paths).components(components);
    }

    private static String schemaName(PublicDataset dataset) {
        StringBuilder name = new StringBuilder();
        for (String part : dataset.name().split("-")) {
            name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.toString();
    }

    private static Schema<?> item(PublicDataset dataset) {
        ObjectSchema item = new ObjectSchema();
        item.description(dataset.description());
        for (PublicField field : dataset.fields()) {
            Schema<?> property = switch (field.type()) {
                case INTEGER -> new IntegerSchema();
                case NUMBER -> new Schema<>().type("number");
                case BOOLEAN -> new Schema<>().type("boolean");
                case DATE -> new StringSchema().format("date");
                case DATE_TIME -> new StringSchema().format("date-time");
                case URL -> new StringSchema().format("uri");
                case STRING_LIST -> new ArraySchema().items(new StringSchema());
                case STRING -> new StringSchema();
            };
            property.description(field.description());
            if (field.nullable()) {
                property.nullable(true);
            }
            item.addProperty(field.name(), property);
            item.addRequiredItem(field.name());
        }
        return item;
    }

    private static List<Parameter> parameters(PublicDataset dataset, boolean paged) {
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (paged) {
            IntegerSchema page = new IntegerSchema();
            page.setMinimum(java.math.BigDecimal.ONE);
            page.setDefault(1);
            parameters.add(query(ApiQueries.PAGE, "numer strony od 1", page));
            IntegerSchema size = new IntegerSchema();
            size.setMinimum(java.math.BigDecimal.ONE);
            size.setMaximum(java.math.BigDecimal.valueOf(ApiQueries.MAX_SIZE));
            size.setDefault(ApiQueries.DEFAULT_SIZE);
            parameters.add(query(ApiQueries.PER_PAGE, "liczba elementów na stronie", size));
        }
        if (dataset.filters().contains(PublicFilter.REGION)) {
            parameters.add(query(
                    ApiQueries.REGION, "region: identyfikator (malopolskie) lub kod TERYT (12)", new StringSchema()));
        }
        if (dataset.filters().contains(PublicFilter.DATE)) {
            parameters.add(
                    query(ApiQueries.DATE_FROM, "od dnia (RRRR-MM-DD, włącznie)", new StringSchema().format("date")));
            parameters.add(
                    query(ApiQueries.DATE_TO, "do dnia (RRRR-MM-DD, włącznie)", new StringSchema().format("date")));
        }
        return parameters;
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).description(description).schema(schema);
    }

    private static ApiResponses responses(Content ok, boolean filtered) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description(
                                        "Dane; nagłówki ETag, Last-Modified, Cache-Control: public i — dla stron — Link")
                                .content(ok)
                                .addHeaderObject("ETag", new Header().schema(new StringSchema()))
                                .addHeaderObject("Link", new Header().schema(new StringSchema())))
                .addApiResponse(
                        "304", new ApiResponse().description("Bez zmian od wersji z If-None-Match / If-Modified-Since"))
                .addApiResponse("429", problemResponse("Za dużo żądań; nagłówek Retry-After mówi, ile sekund czekać"));
        if (filtered) {
            responses.addApiResponse("400", problemResponse("Nieprawidłowy parametr (nazwa w invalid_params)"));
        }
        return responses;
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(
                        new Content().addMediaType("application/problem+json", new MediaType().schema(ref("Problem"))));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(OpenDataAnswers.JSON, new MediaType().schema(schema));
    }

    private static Schema<?> page(String item) {
        return new ObjectSchema()
                .addProperty("data", new ArraySchema().items(ref(item)))
                .addProperty("meta", ref("Meta"))
                .addProperty("links", ref("Links"));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REFS + name);
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("opis po polsku"))
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "invalid_params",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("name", new StringSchema())
                                        .addProperty("reason", new StringSchema())));
    }

    private static Schema<?> links() {
        ObjectSchema links = new ObjectSchema();
        for (String rel : List.of("self", "first", "prev", "next", "last")) {
            links.addProperty(
                    rel,
                    new StringSchema()
                            .format("uri")
                            .nullable(!rel.equals("self") && !rel.equals("first") && !rel.equals("last")));
        }
        return links;
    }

    private static Schema<?> meta() {
        return new ObjectSchema()
                .addProperty("page", new IntegerSchema())
                .addProperty("per_page", new IntegerSchema())
                .addProperty("total", new IntegerSchema())
                .addProperty("pages", new IntegerSchema());
    }
}
