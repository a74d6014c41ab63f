// chorus-sample-documents --out DIR
//
// Writes invoice documents made by the SDK: DIR/ok/ holds documents that must pass the official EN 16931 rules
// (and Chorus Pro's), DIR/bad/ holds documents built by bypassing the validator, each with one known defect,
// that the rules must reject. CI checks both with ../shared/tools/einvoice/check.
import ChorusSDK
import Foundation

var arguments = CommandLine.arguments.dropFirst()
guard arguments.popFirst() == "--out", let out = arguments.popFirst() else {
    FileHandle.standardError.write(Data("usage: chorus-sample-documents --out DIR\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: out)
let ok = root.appendingPathComponent("ok")
let bad = root.appendingPathComponent("bad")
try FileManager.default.createDirectory(at: ok, withIntermediateDirectories: true)
try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)

func write(_ text: String, _ directory: URL, _ name: String) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    print("\(directory.lastPathComponent)/\(name)")
}

let invoice = SampleDocuments.twoRatesInvoice()
let credit = SampleDocuments.creditNote()
let opera = SampleDocuments.operaInvoice()
for document in [invoice, credit, opera] {
    let problems = DocumentValidator.problems(in: document, profile: .chorusPro(.serviceCodeAndCommitmentNumber))
        .filter { !$0.rule.hasPrefix("CHORUS-") || document.number == opera.number }
    if !problems.isEmpty { FileHandle.standardError.write(Data("warning: \(document.number): \(problems)\n".utf8)) }
}
try write(CIIWriter.xml(invoice), ok, "cii-invoice-two-rates.xml")
try write(CIIWriter.xml(credit), ok, "cii-credit-note.xml")
try write(UBLWriter.xml(invoice), ok, "ubl-invoice.xml")
try write(UBLWriter.xml(credit), ok, "ubl-credit-note.xml")
try write(CIIWriter.xml(opera), ok, "cii-invoice-opera.xml")
try write(CIIWriter.xml(invoice, profile: .facturXBasic), ok, "cii-invoice-facturx-basic.xml")

// Bad documents: written from good ones, then broken on purpose (the validator would refuse to write them).
let good = CIIWriter.xml(invoice)
try write(good.replacingOccurrences(of: "<ram:GrandTotalAmount>601.88</ram:GrandTotalAmount>",
                                    with: "<ram:GrandTotalAmount>601.89</ram:GrandTotalAmount>"), bad, "cii-totals-off-by-a-cent.xml")
try write(good.replacingOccurrences(of: "<ram:LineTotalAmount>342.00</ram:LineTotalAmount>",
                                    with: "<ram:LineTotalAmount>342.000</ram:LineTotalAmount>"), bad, "cii-three-decimals.xml")
try write(good.replacingOccurrences(of: "<ram:TypeCode>30</ram:TypeCode>", with: ""), bad, "cii-payment-means-missing.xml")
try write(UBLWriter.xml(invoice).replacingOccurrences(of: "<cbc:ID schemeID=\"0009\">21750001000012</cbc:ID>",
                                                       with: "<cbc:ID schemeID=\"1\">21750001000012</cbc:ID>"),
          bad, "ubl-buyer-siret-wrong-scheme.xml")

// Factur-X: from scratch, and attached to the SDK's own PDF/A-1b; bad ones with a contradicting XMP level and
// without OutputIntent.
do {
    let font = try TrueTypeFont.systemDefault()
    let created = Date(timeIntervalSince1970: 1_793_577_600)  // fixed, so the files repeat
    let scratch = try FacturXWriter.write(opera, font: font, created: created)
    try scratch.write(to: ok.appendingPathComponent("facturx-opera-from-scratch.pdf"))
    print("ok/facturx-opera-from-scratch.pdf")
    try FacturXWriter.write(opera, font: font, profile: .facturXBasic, created: created)
        .write(to: ok.appendingPathComponent("facturx-opera-basic.pdf"))
    print("ok/facturx-opera-basic.pdf")
    let base = FacturXWriter.writePDFA1b(invoice, font: font, created: created)
    let attached = try FacturXAttacher.attach(CIIWriter.write(invoice), to: base, level: "EN 16931", modified: created)
    try attached.write(to: ok.appendingPathComponent("facturx-attached-to-pdfa1b.pdf"))
    print("ok/facturx-attached-to-pdfa1b.pdf")
    let contradicting = FacturXWriter.pdf(invoice, font: font, xml: CIIWriter.write(invoice), xmpLevel: "BASIC", part: 3, created: created)
    try contradicting.write(to: bad.appendingPathComponent("facturx-xmp-level-contradicts-xml.pdf"))
    print("bad/facturx-xmp-level-contradicts-xml.pdf")
    let noIntent = FacturXWriter.pdf(invoice, font: font, xml: CIIWriter.write(invoice), xmpLevel: "EN 16931", part: 3, created: created,
                                     outputIntent: false)
    try noIntent.write(to: bad.appendingPathComponent("facturx-without-outputintent.pdf"))
    print("bad/facturx-without-outputintent.pdf")
} catch {
    FileHandle.standardError.write(Data("Factur-X samples not written: \(error)\n".utf8))
    exit(1)
}
