package dev.tollgate.release;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poms Maven Central takes: the metadata it requires, a BOM that lists every published module
 * at the reactor's version, the release profile, and a fixed output timestamp (reproducible jars).
 */
class CentralPomsTest {
    static final Path ROOT = Scripts.ROOT;
    static final Path BOM = ROOT.resolve("policy-api/bom/pom.xml");

    static Element pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        return d.getDocumentElement();
    }

    static Element child(Element e, String name) {
        for (Node n = e == null ? null : e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c;
        }
        return null;
    }

    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e == null ? null : e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) out.add(c);
        }
        return out;
    }

    static String text(Element e, String... path) {
        Element cur = e;
        for (String p : path) cur = child(cur, p);
        return cur == null ? null : cur.getTextContent().trim();
    }

    /** artifactId → packaging of every module the root pom builds, the BOM included. */
    static Map<String, String> modules() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Element m : children(child(pom(ROOT.resolve("pom.xml")), "modules"), "module")) {
            Element p = pom(ROOT.resolve(m.getTextContent().trim()).resolve("pom.xml"));
            String packaging = text(p, "packaging");
            out.put(text(p, "artifactId"), packaging == null ? "jar" : packaging);
        }
        return out;
    }

    static void centralMetadata(Element p, String what) {
        for (String[] path : List.of(new String[] {"name"}, new String[] {"description"}, new String[] {"url"},
                new String[] {"licenses", "license", "name"}, new String[] {"licenses", "license", "url"},
                new String[] {"developers", "developer", "name"}, new String[] {"scm", "connection"},
                new String[] {"scm", "developerConnection"}, new String[] {"scm", "url"},
                new String[] {"issueManagement", "url"})) {
            String v = text(p, path);
            assertTrue(v != null && !v.isBlank(), what + " has " + String.join("/", path));
        }
        assertEquals("https://github.com/tollgate-dev/tollgate", text(p, "url"), what);
    }

    @Test
    void theParentAndTheBomCarryWhatCentralRequires() throws Exception {
        centralMetadata(pom(ROOT.resolve("pom.xml")), "pom.xml");
        centralMetadata(pom(BOM), "the BOM");
        // every module names itself (Central shows the name); description and the rest are inherited
        for (Element m : children(child(pom(ROOT.resolve("pom.xml")), "modules"), "module")) {
            assertNotNull(text(pom(ROOT.resolve(m.getTextContent().trim()).resolve("pom.xml")), "name"), m.getTextContent());
        }
    }

    @Test
    void theBomListsEveryPublishedModuleAtTheReactorVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        String version = text(parent, "version");
        Element bom = pom(BOM);
        assertNull(child(bom, "parent"), "no parent: an imported BOM would bring the parent's dependencyManagement along");
        assertEquals("tollgate-bom", text(bom, "artifactId"));
        assertEquals("pom", text(bom, "packaging"));
        assertEquals(version, text(bom, "version"), "the BOM's version is the reactor's");
        assertEquals(text(parent, "properties", "project.build.outputTimestamp"), text(bom, "properties", "project.build.outputTimestamp"));

        List<String> published = new ArrayList<>();
        modules().forEach((id, packaging) -> {
            if (packaging.equals("jar")) published.add(id);
        });
        assertTrue(published.containsAll(List.of("policy-api", "policy-rules", "policy-runner", "policy-scenarios", "test-fixtures")), published.toString());
        List<String> listed = new ArrayList<>();
        for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("dev.tollgate", text(d, "groupId"));
            assertEquals(version, text(d, "version"), text(d, "artifactId"));
            listed.add(text(d, "artifactId"));
        }
        assertEquals(published.stream().sorted().toList(), listed.stream().sorted().toList(), "the BOM lists every jar module, and only those");
        assertTrue(modules().containsKey("tollgate-bom"), "the reactor builds (and deploys) the BOM");
    }

    @Test
    void theReleaseProfileBuildsSourcesJavadocAndSigns() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        assertEquals("2026-01-01T00:00:00Z".length(), text(parent, "properties", "project.build.outputTimestamp").length());
        Element release = null;
        for (Element p : children(child(parent, "profiles"), "profile")) {
            if ("release".equals(text(p, "id"))) release = p;
        }
        assertNotNull(release, "a release profile");
        List<String> plugins = new ArrayList<>();
        for (Element p : children(child(child(release, "build"), "plugins"), "plugin")) plugins.add(text(p, "artifactId"));
        assertTrue(plugins.containsAll(List.of("maven-source-plugin", "maven-javadoc-plugin", "maven-gpg-plugin", "central-publishing-maven-plugin")), plugins.toString());
        String doclint = null;
        for (Element p : children(child(child(release, "build"), "plugins"), "plugin")) {
            if ("maven-javadoc-plugin".equals(text(p, "artifactId"))) doclint = text(p, "configuration", "doclint");
        }
        assertNotNull(doclint);
        assertFalse(doclint.equals("none"), "the release's javadoc passes doclint");
        assertTrue(Files.readString(ROOT.resolve("pom.xml")).contains("<name>env.MAVEN_GPG_KEY</name>"), "signs when a key is present");
    }
}
