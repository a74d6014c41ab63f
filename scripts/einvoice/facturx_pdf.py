"""Structural checks of a Factur-X PDF, the parts of PDF/A-3 that PDFBox Preflight (a PDF/A-1b engine) cannot judge
and the Factur-X 1.0 packaging rules (Factur-X spec, section "PDF/A-3 and XMP"):

  ISO 19005 6.1.2   header %PDF-1.x followed by a comment line of at least four bytes > 127
  ISO 19005 6.1.3   no /Encrypt, trailer /ID present
  ISO 19005 6.2.3   an OutputIntent /S /GTS_PDFA1 with an embedded ICC profile (/DestOutputProfile)
  ISO 19005 6.2.11  every font used by a page (or a form XObject on it) is embedded (Type3 fonts are by nature)
  ISO 19005 6.6     catalog /Metadata XMP stream: pdfaid:part 3, pdfaid:conformance A/B/U
  Factur-X XMP      a pdfaExtension schema declaring the fx namespace; fx:DocumentType INVOICE,
                    fx:DocumentFileName factur-x.xml, fx:Version 1.0, fx:ConformanceLevel matching the XML's BT-24
  ISO 19005-3 6.8   EmbeddedFiles holds factur-x.xml; each file spec has /F, /UF, /AFRelationship and is listed in
                    the catalog /AF; each embedded stream has a MIME /Subtype; factur-x.xml's relationship is
                    Data/Alternative/Source and its stream has /Params /ModDate

usage: facturx_pdf.py FILE.pdf     prints one line per check, ends with 'FILE: N failure(s)'; exit 1 on any failure.
As a module: checks(path) -> [(ok, message)], embedded_files(reader) -> {name: file spec}."""
import logging
import re
import sys

from lxml import etree
from pypdf import PdfReader

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair warnings on broken files: the checks report those
FX_NS = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
XMP_NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#", "fx": FX_NS}
# Factur-X 1.0: the XMP fx:ConformanceLevel for each guideline identifier (BT-24) of the XML
BT24_TO_LEVEL = {"urn:factur-x.eu:1p0:minimum": "MINIMUM", "urn:factur-x.eu:1p0:basicwl": "BASIC WL",
                 "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic": "BASIC",
                 "urn:cen.eu:en16931:2017": "EN 16931",
                 "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended": "EXTENDED"}


def obj(o):
    return o.get_object() if o is not None and hasattr(o, "get_object") else o


def embedded_files(reader):
    """The catalog's EmbeddedFiles name tree (with /Kids), flattened to {name: file specification}."""
    found, stack, seen = {}, [obj(obj(reader.trailer["/Root"].get("/Names", {})).get("/EmbeddedFiles"))], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        names = obj(node.get("/Names", []))
        for i in range(0, len(names) - 1, 2):
            found[str(obj(names[i]))] = obj(names[i + 1])
        stack.extend(obj(kid) for kid in obj(node.get("/Kids", [])))
    return found


def fonts_embedded(resources, where, out, seen):
    resources = obj(resources) or {}
    for name, font in (obj(resources.get("/Font")) or {}).items():
        font = obj(font)
        if font.get("/Subtype") == "/Type3":
            continue
        if font.get("/Subtype") == "/Type0":
            font = obj(obj(font["/DescendantFonts"])[0])
        desc = obj(font.get("/FontDescriptor"))
        out.append((desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                    f"6.2.11.4 font {name} on {where} embedded"))
    for name, xobject in (obj(resources.get("/XObject")) or {}).items():
        xobject = obj(xobject)
        ref = xobject.indirect_reference
        key = (ref.idnum, ref.generation) if ref else id(xobject)
        if xobject.get("/Subtype") == "/Form" and key not in seen:
            seen.add(key)
            fonts_embedded(xobject.get("/Resources"), f"{where}, form {name}", out, seen)


def same_object(a, b):
    ra, rb = getattr(a, "indirect_reference", None), getattr(b, "indirect_reference", None)
    return a is b or (ra is not None and rb is not None and (ra.idnum, ra.generation) == (rb.idnum, rb.generation))


def checks(path):
    """[(ok, message)] for every check above; a file too broken to read further ends the list with a failure."""
    out = []
    try:
        _check(path, lambda ok, message: out.append((bool(ok), message)), out)
    except Exception as error:  # what stopped the reading is the finding
        out.append((False, f"PDF structure unreadable: {type(error).__name__}: {error}"))
    return out


def _check(path, check, out):
    raw = open(path, "rb").read(1024)
    check(re.match(rb"%PDF-1\.\d(\r\n|\r|\n)%[\x80-\xff]{4}", raw), "6.1.2 header + binary comment line")
    try:
        reader = PdfReader(path)
    except Exception:  # pypdf cannot open e.g. AES-encrypted files: say so before the error itself
        check(not re.search(rb"/Encrypt\b", open(path, "rb").read()), "6.1.3 no encryption")
        raise
    trailer, root = reader.trailer, obj(reader.trailer["/Root"])
    check("/Encrypt" not in trailer, "6.1.3 no encryption")
    check("/ID" in trailer, "6.1.3 trailer /ID present")
    intents = [obj(o) for o in obj(root.get("/OutputIntents")) or []]
    check(any(o.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in o for o in intents),
          "6.2.3 PDF/A OutputIntent with embedded ICC profile")
    seen = set()
    for number, page in enumerate(reader.pages, 1):
        fonts_embedded(page.get("/Resources"), f"page {number}", out, seen)

    meta = obj(root.get("/Metadata"))
    check(meta is not None and meta.get("/Subtype") == "/XML", "6.6.2.1 catalog /Metadata XMP stream")
    xmp = etree.fromstring(re.search(rb"<x:xmpmeta.*</x:xmpmeta>", meta.get_data(), re.S).group(0))

    def prop(qname):  # an XMP simple property, in element or attribute form
        values = xmp.xpath(f"//{qname}/text() | //rdf:Description/@{qname}", namespaces=XMP_NS)
        return str(values[0]).strip() if values else None

    check(prop("pdfaid:part") == "3", "XMP pdfaid:part = 3")
    check(prop("pdfaid:conformance") in ("A", "B", "U"), "XMP pdfaid:conformance A/B/U")
    check(FX_NS in [s.strip() for s in xmp.xpath("//pdfaSchema:namespaceURI/text()", namespaces=XMP_NS)],
          "XMP pdfaExtension schema declares the fx namespace")
    check(prop("fx:DocumentType") == "INVOICE", "XMP fx:DocumentType = INVOICE")
    check(prop("fx:DocumentFileName") == "factur-x.xml", "XMP fx:DocumentFileName = factur-x.xml")
    check(prop("fx:Version") == "1.0", "XMP fx:Version = 1.0")

    catalog_af = [obj(a) for a in obj(root.get("/AF")) or []]
    files = embedded_files(reader)
    check("factur-x.xml" in files, "EmbeddedFiles name tree holds factur-x.xml")
    for name, spec in files.items():
        relationship = spec.get("/AFRelationship")
        check("/F" in spec and "/UF" in spec, f"6.8 {name}: file spec has /F and /UF")
        check(relationship is not None, f"6.8 {name}: /AFRelationship present ({relationship})")
        check(any(same_object(spec, a) for a in catalog_af), f"6.8 {name}: listed in catalog /AF")
        stream = obj(obj(spec["/EF"])["/F"])
        check(stream.get("/Subtype") is not None,
              f"6.8 {name}: embedded file has a MIME /Subtype ({stream.get('/Subtype')})")
        if name == "factur-x.xml":
            check(relationship in ("/Data", "/Alternative", "/Source"),
                  "Factur-X: /AFRelationship is Data/Alternative/Source")
            check("/ModDate" in (obj(stream.get("/Params")) or {}), "Factur-X: /Params /ModDate on the embedded file")
            guideline = etree.fromstring(stream.get_data()).xpath(
                "//*[local-name()='GuidelineSpecifiedDocumentContextParameter']/*[local-name()='ID']/text()")
            level = BT24_TO_LEVEL.get(guideline[0].strip() if guideline else None)
            check(level is not None and prop("fx:ConformanceLevel") == level,
                  f"XMP fx:ConformanceLevel ({prop('fx:ConformanceLevel')}) matches the XML's BT-24 ({level})")


if __name__ == "__main__":
    results = checks(sys.argv[1])
    for ok, message in results:
        print(("ok   " if ok else "FAIL ") + message)
    failures = sum(not ok for ok, _ in results)
    print(f"{sys.argv[1]}: {failures} failure(s)")
    sys.exit(1 if failures else 0)
