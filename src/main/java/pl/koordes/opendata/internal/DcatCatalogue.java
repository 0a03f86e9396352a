package pl.koordes.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.web.PublicAddress;

/**
 * The DCAT-AP-PL catalogue of the API's collections in RDF/XML, the serialisation DCAT harvesters take
 * by URL: a {@code dcat:Catalog} with the operator as publisher, a {@code dcat:Dataset} per collection
 * (title and description in Polish, keywords, landing page, licence) and two {@code dcat:Distribution}s
 * each, JSON (through the API, a {@code dcat:DataService} with the OpenAPI description) and CSV.
 */
@Component
public class DcatCatalogue {

    public static final String CONTENT_TYPE = "application/rdf+xml";

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    private static final String POLISH = "http://publications.europa.eu/resource/authority/language/POL";
    private static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/";

    private final Datasets datasets;
    private final PublicAddress address;

    public DcatCatalogue(Datasets datasets, PublicAddress address) {
        this.datasets = datasets;
        this.address = address;
    }

    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rdf", "RDF", RDF);
            xml.writeNamespace("rdf", RDF);
            xml.writeNamespace("dcat", DCAT);
            xml.writeNamespace("dct", DCT);
            xml.writeNamespace("foaf", FOAF);
            String api = address.url(OpenDataAnswers.BASE);
            xml.writeStartElement("dcat", "Catalog", DCAT);
            xml.writeAttribute("rdf", RDF, "about", api + "/catalog.rdf");
            text(xml, "dct", DCT, "title", "KoordES — otwarte dane programu");
            text(
                    xml,
                    "dct",
                    DCT,
                    "description",
                    "Publiczne dane serwisu KoordES: regiony, makroregiony, instytucje, komitety, aktualności, wydarzenia i kolejne zbiory modułów.");
            resource(xml, "dct", DCT, "language", POLISH);
            resource(xml, "foaf", FOAF, "homepage", address.url("/dane"));
            publisher(xml);
            for (PublicDataset dataset : datasets.all()) {
                xml.writeStartElement("dcat", "dataset", DCAT);
                dataset(xml, dataset, api);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    private void dataset(XMLStreamWriter xml, PublicDataset dataset, String api) throws XMLStreamException {
        String base = api + "/" + dataset.name();
        xml.writeStartElement("dcat", "Dataset", DCAT);
        xml.writeAttribute("rdf", RDF, "about", base);
        text(xml, "dct", DCT, "identifier", dataset.name());
        text(xml, "dct", DCT, "title", dataset.title());
        text(xml, "dct", DCT, "description", dataset.description());
        text(xml, "dcat", DCAT, "keyword", dataset.title().toLowerCase(java.util.Locale.ROOT));
        resource(xml, "dct", DCT, "language", POLISH);
        resource(xml, "dcat", DCAT, "landingPage", address.url("/dane#" + dataset.name()));
        publisher(xml);
        distribution(xml, base, base, "application/json", "JSON", dataset.title() + " — JSON (API)");
        distribution(xml, base + ".csv", base + ".csv", "text/csv", "CSV", dataset.title() + " — CSV");
        xml.writeEndElement();
    }

    private void distribution(
            XMLStreamWriter xml, String about, String url, String mediaType, String format, String title)
            throws XMLStreamException {
        xml.writeStartElement("dcat", "distribution", DCAT);
        xml.writeStartElement("dcat", "Distribution", DCAT);
        xml.writeAttribute("rdf", RDF, "about", about + "#distribution");
        text(xml, "dct", DCT, "title", title);
        resource(xml, "dcat", DCAT, "accessURL", url);
        if (format.equals("CSV")) {
            resource(xml, "dcat", DCAT, "downloadURL", url);
        } else {
            resource(xml, "dct", DCT, "conformsTo", address.url(OpenDataAnswers.BASE + "/openapi.json"));
        }
        text(xml, "dcat", DCAT, "mediaType", mediaType);
        resource(xml, "dct", DCT, "format", FILE_TYPES + format);
        resource(xml, "dct", DCT, "license", LICENSE);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void publisher(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("dct", "publisher", DCT);
        xml.writeStartElement("foaf", "Agent", FOAF);
        text(xml, "foaf", FOAF, "name", "Operator programu KoordES");
        resource(xml, "foaf", FOAF, "homepage", address.url());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String prefix, String namespace, String name, String value)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "pl");
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void resource(XMLStreamWriter xml, String prefix, String namespace, String name, String uri)
            throws XMLStreamException {
        xml.writeEmptyElement(prefix, name, namespace);
        xml.writeAttribute("rdf", RDF, "resource", uri);
    }
}
