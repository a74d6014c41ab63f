import ChorusCore
import Foundation

/// The XMP metadata packet of a PDF/A file: the PDF/A identification (part, conformance B) and, for Factur-X,
/// the extension schema and the `fx:` properties. Written uncompressed.
enum XMPPacket {
    static func make(part: Int, title: String, created: Date, facturXLevel: String?) -> String {
        let date = ISO8601DateFormatter().string(from: created)
        var packet = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
        <pdfaid:part>\(part)</pdfaid:part>
        <pdfaid:conformance>B</pdfaid:conformance>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(XMLBuilder.escape(title))</rdf:li></rdf:Alt></dc:title>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
        <xmp:CreatorTool>ChorusSDK</xmp:CreatorTool>
        <xmp:CreateDate>\(date)</xmp:CreateDate>
        <xmp:ModifyDate>\(date)</xmp:ModifyDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
        <pdf:Producer>ChorusSDK</pdf:Producer>
        </rdf:Description>

        """
        if let level = facturXLevel { packet += facturXDescription(level: level) }
        packet += """
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
        return packet
    }

    /// The Factur-X extension schema and values (`fx:ConformanceLevel` = the XML's profile).
    static func facturXDescription(level: String) -> String {
        func property(_ name: String, _ description: String) -> String {
            "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>\(name)</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                + "<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>\(description)</pdfaProperty:description></rdf:li>\n"
        }
        return """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq>
        \(property("DocumentFileName", "The name of the embedded XML document"))\(property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"))\(property("Version", "The actual version of the standard applying to the embedded XML document"))\(property("ConformanceLevel", "The conformance level of the embedded XML document"))</rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
        <fx:DocumentType>INVOICE</fx:DocumentType>
        <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
        <fx:Version>1.0</fx:Version>
        <fx:ConformanceLevel>\(level)</fx:ConformanceLevel>
        </rdf:Description>

        """
    }
}
