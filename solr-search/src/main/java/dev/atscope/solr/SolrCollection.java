package dev.atscope.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.FieldTypeDefinition;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.schema.SchemaRepresentation;
import org.apache.solr.common.util.ContentStreamBase;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A trace collection in a SolrCloud cluster, checked before use: the cluster answers, the
 * collection exists, and its schema is the one shipped in this module's configset (same name, same
 * fields with the same types). Creating a collection uploads that configset first.
 */
public final class SolrCollection implements AutoCloseable {

    /** The configset's files, beside this class. */
    static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml");

    private final SolrSpec spec;
    private final CloudSolrClient client;

    private SolrCollection(SolrSpec spec, CloudSolrClient client) {
        this.spec = spec;
        this.client = client;
    }

    /**
     * Connects to an existing collection.
     *
     * @throws SolrSetupException when the cluster does not answer, the collection is missing or its
     *     schema is not atscope's
     */
    public static SolrCollection open(SolrSpec spec) throws SolrSetupException {
        return open(spec, SolrSpec.CONNECT_SECONDS);
    }

    static SolrCollection open(SolrSpec spec, int connectSeconds) throws SolrSetupException {
        SolrCollection c = connect(spec, connectSeconds);
        try {
            if (!c.exists()) {
                throw new SolrSetupException("the Solr cluster at " + spec + " has no collection '" + spec.collection()
                        + "'; create it with atscope index --solr " + spec + " --create");
            }
            c.checkSchema();
            return c;
        } catch (SolrSetupException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Creates the collection with atscope's configset unless it exists, then connects to it.
     *
     * @throws SolrSetupException when the cluster does not answer, refuses the configset or the
     *     collection, or an existing collection's schema is not atscope's
     */
    public static SolrCollection create(SolrSpec spec, int shards, int replicas) throws SolrSetupException {
        SolrCollection c = connect(spec, SolrSpec.CONNECT_SECONDS);
        try {
            if (!c.exists()) {
                c.upload();
                try {
                    var create = CollectionAdminRequest.createCollection(spec.collection(), configsetName(), shards,
                            replicas);
                    var r = create.process(c.client);
                    if (!r.isSuccess()) {
                        throw new SolrSetupException("the Solr cluster at " + spec + " could not create the collection '"
                                + spec.collection() + "': " + r.getErrorMessages());
                    }
                } catch (SolrServerException | IOException | RuntimeException e) {
                    throw new SolrSetupException("the Solr cluster at " + spec + " could not create the collection '"
                            + spec.collection() + "': " + reason(e), e);
                }
            }
            c.checkSchema();
            return c;
        } catch (SolrSetupException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static SolrCollection connect(SolrSpec spec, int connectSeconds) throws SolrSetupException {
        CloudSolrClient client;
        try {
            client = spec.client(connectSeconds);
            if (client.getClusterStateProvider().getLiveNodes().isEmpty()) {
                client.close();
                throw new SolrSetupException("the Solr cluster at " + spec + " has no live node");
            }
        } catch (SolrSetupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SolrSetupException("cannot reach the Solr cluster at " + spec + ": " + reason(e), e);
        }
        return new SolrCollection(spec, client);
    }

    /** Whether the cluster's state names the collection (false once it is deleted). */
    boolean exists() throws SolrSetupException {
        try {
            return client.getClusterStateProvider().getState(spec.collection()) != null;
        } catch (RuntimeException e) {
            throw new SolrSetupException("cannot read the state of the Solr cluster at " + spec + ": " + reason(e), e);
        }
    }

    /** The configset's name: the schema's, which carries its version. */
    static String configsetName() {
        return shipped().name();
    }

    private void upload() throws SolrSetupException {
        try {
            var r = new ConfigSetAdminRequest.Upload().setConfigSetName(configsetName()).setOverwrite(true)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(configsetZip(), configsetName() + ".zip",
                            "application/zip"))
                    .process(client);
            if (r.getErrorMessages() != null && r.getErrorMessages().size() > 0) {
                throw new SolrSetupException("the Solr cluster at " + spec + " refused the configset: "
                        + r.getErrorMessages());
            }
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new SolrSetupException("the Solr cluster at " + spec + " refused the configset "
                    + configsetName() + ": " + reason(e), e);
        }
    }

    /** The configset as a zip, as Solr's configset API takes it. */
    static byte[] configsetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String f : CONFIGSET_FILES) {
                zip.putNextEntry(new ZipEntry(f));
                zip.write(configsetFile(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A file of the configset shipped in this module ({@code schema.xml}, {@code solrconfig.xml}). */
    public static byte[] configsetFile(String file) throws IOException {
        try (InputStream in = SolrCollection.class.getResourceAsStream("configset/" + file)) {
            if (in == null) {
                throw new IOException("configset/" + file + " is missing from the atscope jar");
            }
            return in.readAllBytes();
        }
    }

    /** The shipped schema: its name, each field's type and each type's class. */
    record Schema(String name, Map<String, String> fieldTypes, Map<String, String> typeClasses) {}

    private static Schema shipped;

    static synchronized Schema shipped() {
        if (shipped == null) {
            try (InputStream in = SolrCollection.class.getResourceAsStream("configset/schema.xml")) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Element root = f.newDocumentBuilder().parse(in).getDocumentElement();
                Map<String, String> fields = new LinkedHashMap<>();
                NodeList fl = root.getElementsByTagName("field");
                for (int i = 0; i < fl.getLength(); i++) {
                    Element e = (Element) fl.item(i);
                    fields.put(e.getAttribute("name"), e.getAttribute("type"));
                }
                Map<String, String> types = new LinkedHashMap<>();
                NodeList tl = root.getElementsByTagName("fieldType");
                for (int i = 0; i < tl.getLength(); i++) {
                    Element e = (Element) tl.item(i);
                    types.put(e.getAttribute("name"), e.getAttribute("class"));
                }
                shipped = new Schema(root.getAttribute("name"), fields, types);
            } catch (Exception e) {
                throw new IllegalStateException("the configset's schema.xml in the atscope jar cannot be read", e);
            }
        }
        return shipped;
    }

    private void checkSchema() throws SolrSetupException {
        SchemaRepresentation remote;
        try {
            remote = new SchemaRequest().process(client, spec.collection()).getSchemaRepresentation();
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new SolrSetupException("cannot read the schema of the collection '" + spec.collection() + "' at "
                    + spec + ": " + reason(e), e);
        }
        Schema want = shipped();
        String fix = "; atscope needs its configset " + want.name() + " (see docs/solr.md, upgrading the configset)";
        if (!want.name().equals(remote.getName())) {
            throw new SolrSetupException("the collection '" + spec.collection() + "' at " + spec + " has the schema '"
                    + remote.getName() + "', not atscope's " + want.name() + fix);
        }
        Map<String, String> remoteFields = new LinkedHashMap<>();
        for (Map<String, Object> f : remote.getFields()) {
            remoteFields.put(String.valueOf(f.get("name")), String.valueOf(f.get("type")));
        }
        Map<String, String> remoteTypes = new LinkedHashMap<>();
        for (FieldTypeDefinition t : remote.getFieldTypes()) {
            remoteTypes.put(String.valueOf(t.getAttributes().get("name")), String.valueOf(t.getAttributes().get("class")));
        }
        for (Map.Entry<String, String> f : want.fieldTypes().entrySet()) {
            String type = remoteFields.get(f.getKey());
            String wantClass = simple(want.typeClasses().get(f.getValue()));
            if (type == null || !wantClass.equals(simple(remoteTypes.get(type)))) {
                throw new SolrSetupException("the collection '" + spec.collection() + "' at " + spec
                        + (type == null ? " has no field '" + f.getKey() + "'"
                                : " has the field '" + f.getKey() + "' of the type " + simple(remoteTypes.get(type))
                                        + ", not " + wantClass) + fix);
            }
        }
    }

    private static String simple(String cls) {
        return cls == null ? "" : cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** What went wrong, in a few words: the innermost message, on one line. */
    static String reason(Throwable e) {
        Throwable t = e;
        Set<Throwable> seen = new java.util.HashSet<>();
        String msg = null;
        while (t != null && seen.add(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.UnresolvedAddressException) {
                msg = "connection refused";
                break;
            }
            t = t.getCause();
        }
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        String line = msg.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The collection's name. */
    public String name() {
        return spec.collection();
    }

    /** Where it is. */
    public SolrSpec spec() {
        return spec;
    }

    /** The client, with the collection as its default. */
    public CloudSolrClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing held that a failed close could lose
        }
    }
}
