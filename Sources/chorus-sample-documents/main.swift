// chorus-sample-documents --out DIR [--random N] [--seed S]
// chorus-sample-documents --read FILE          (prints the factur-x.xml of a Factur-X written by any tool)
// chorus-sample-documents --attach PDF XML OUT  (turns a PDF/A written by any tool into a Factur-X)
//
// DIR/other-tools/ receives a PDF/A-1b without XML and the XML it goes with, for other tools (the chain's Python
// factur-x) to combine; CI reads their result back with --read.
//
// With --random, also DIR/random/: N seeded random valid documents (RandomDocuments) as CII and UBL in ok/, a few
// as Factur-X, broken variants per rule in bad/ (named RULE--N.syntax.xml), and verdicts.tsv (file, expected rule,
// the rules the SDK's validator reported), which scripts/check-document-corpus.py compares with the chain's.
//
// Writes invoice documents made by the SDK: DIR/ok/ holds documents that must pass the official EN 16931 rules
// (and Chorus Pro's), DIR/bad/ holds documents built by bypassing the validator, each with one known defect,
// that the rules must reject. CI checks both with scripts/einvoice/check.sh.
import ChorusDocumentSamples
import ChorusSDK
import Foundation

var arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--read", let path = arguments.dropFirst().first {
    do {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: path))
        FileHandle.standardOutput.write(try FacturXReader.embeddedXML(pdf))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("cannot read \(path): \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "--attach", arguments.count == 4 {
    let paths = Array(arguments.dropFirst())
    do {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        let xml = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
        try FacturXAttacher.attach(xml, to: pdf).write(to: URL(fileURLWithPath: paths[2]))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("cannot attach to \(paths[0]): \(error)\n".utf8))
        exit(1)
    }
}
var out: String?
var randomCount = 0
var seed: UInt64 = 2026
while let argument = arguments.popFirst() {
    switch argument {
    case "--out": out = arguments.popFirst()
    case "--random": randomCount = arguments.popFirst().flatMap(Int.init) ?? 0
    case "--seed": seed = arguments.popFirst().flatMap(UInt64.init) ?? seed
    default: out = nil; arguments.removeAll()
    }
}
guard let out else {
    FileHandle.standardError.write(Data("usage: chorus-sample-documents --out DIR [--random N] [--seed S]\n".utf8))
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

// Bad documents: written from good ones, then broken on purpose, one or more per rule family.
// Those only Chorus Pro refuses (the official rules accept them) go to bad-chorus/.
let badChorus = root.appendingPathComponent("bad-chorus")
try FileManager.default.createDirectory(at: badChorus, withIntermediateDirectories: true)
for sample in SampleDocuments.brokenSamples() {
    let directory = sample.officialRulesReject ? bad : badChorus
    try sample.data.write(to: directory.appendingPathComponent(sample.name))
    print("\(directory.lastPathComponent)/\(sample.name) (\(sample.family))")
}

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
    // Other scripts, and five pages.
    var scripts = invoice
    scripts.number = "F2026-0103"
    for (index, name) in ["Ελληνικά προϊόντα — Αθήνα", "Кириллица: счёт-фактура № 7", "Łódź — Ærø — Œuvre"].enumerated() where index < scripts.lines.count {
        scripts.lines[index].name = name
    }
    try FacturXWriter.write(scripts, font: font, created: created).write(to: ok.appendingPathComponent("facturx-greek-cyrillic.pdf"))
    print("ok/facturx-greek-cyrillic.pdf")
    // Two fonts: DejaVu Sans Mono for the page, DejaVu Sans as the fallback for the Georgian it lacks.
    if let mono = FileManager.default.contents(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf").flatMap({ try? TrueTypeFont(data: $0) }) {
        var twoFonts = scripts
        twoFonts.number = "F2026-0105"
        twoFonts.lines[0].name = "Géorgien ႠႡႢႣ — mono et repli"
        try FacturXWriter.write(twoFonts, font: mono, fallbackFont: font, created: created)
            .write(to: ok.appendingPathComponent("facturx-fallback-font.pdf"))
        print("ok/facturx-fallback-font.pdf")
    }
    var long = invoice
    long.number = "F2026-0104"
    long.allowances = []
    long.lines = (1...190).map { index in
        DocumentLine(id: String(index), name: "Article \(index) — fourniture « \(index % 2 == 0 ? "Élysée" : "Ποσότητα") »", quantity: Amount(index % 7 + 1),
                     netPrice: Amount(minorUnits: 1000 + index * 37), vatCategory: .standard, vatRate: 20)
    }
    try FacturXWriter.write(long, font: font, created: created).write(to: ok.appendingPathComponent("facturx-five-pages.pdf"))
    print("ok/facturx-five-pages.pdf")
    let base = FacturXWriter.writePDFA1b(invoice, font: font, created: created)
    let attached = try FacturXAttacher.attach(CIIWriter.write(invoice), to: base, level: "EN 16931", modified: created)
    try attached.write(to: ok.appendingPathComponent("facturx-attached-to-pdfa1b.pdf"))
    print("ok/facturx-attached-to-pdfa1b.pdf")
    let otherTools = root.appendingPathComponent("other-tools")
    try FileManager.default.createDirectory(at: otherTools, withIntermediateDirectories: true)
    try base.write(to: otherTools.appendingPathComponent("input-pdfa1b.pdf"))
    try CIIWriter.write(invoice).write(to: otherTools.appendingPathComponent("invoice.xml"))
    print("other-tools/input-pdfa1b.pdf, other-tools/invoice.xml")
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

// The random corpus: valid documents in ok/, broken variants in bad/, and the SDK's verdict on each.
if randomCount > 0 {
    let randomRoot = root.appendingPathComponent("random")
    let randomOK = randomRoot.appendingPathComponent("ok")
    let randomBad = randomRoot.appendingPathComponent("bad")
    try FileManager.default.createDirectory(at: randomOK, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: randomBad, withIntermediateDirectories: true)
    var generator = RandomDocuments(seed: seed)
    var verdicts = ["file\texpected\tsdk"]
    func record(_ file: String, _ expected: String, _ document: InvoiceDocument, _ syntax: FluxSyntax) {
        // Valid documents are judged by EN 16931 alone (foreign buyers are not Chorus recipients); a variant of a
        // Chorus rule by Chorus Pro's profile too.
        let profile: DocumentValidator.Profile = expected.hasPrefix("CHORUS-") ? .chorusPro(.nothing) : .en16931
        let rules = Set(DocumentValidator.problems(in: document, profile: profile, syntax: syntax).map(\.rule)).sorted()
        verdicts.append("\(file)\t\(expected)\t\(rules.isEmpty ? "-" : rules.joined(separator: ","))")
    }
    let font = try TrueTypeFont.systemDefault()
    var firstDomestic: InvoiceDocument?
    for index in 0..<randomCount {
        let document = generator.document(index)
        if firstDomestic == nil, document.lines.allSatisfy({ $0.vatCategory == .standard }), !document.isCreditNote { firstDomestic = document }
        for (syntax, name, data) in [(FluxSyntax.cii, "\(index).cii.xml", CIIWriter.write(document)),
                                     (FluxSyntax.ubl, "\(index).ubl.xml", UBLWriter.write(document))] {
            try data.write(to: randomOK.appendingPathComponent(name))
            record("ok/\(name)", "-", document, syntax)
        }
        if index < 20 {  // Factur-X BASIC: what BASIC cannot carry is left out (CIIWriter.droppedTerms lists it)
            let name = "\(index).basic.cii.xml"
            try CIIWriter.write(document, profile: .facturXBasic).write(to: randomOK.appendingPathComponent(name))
            record("ok/\(name)", "-", document, .cii)
        }
        if index < 10 {
            let name = "\(index).facturx.pdf"
            try FacturXWriter.write(document, font: font, created: Date(timeIntervalSince1970: 1_793_577_600))
                .write(to: randomOK.appendingPathComponent(name))
            record("ok/\(name)", "-", document, .cii)
        }
    }
    if let base = firstDomestic {
        for (number, (rule, document)) in generator.brokenVariants(of: base).enumerated() {
            for (syntax, name, data) in [(FluxSyntax.cii, "\(rule)--\(number).cii.xml", CIIWriter.write(document)),
                                         (FluxSyntax.ubl, "\(rule)--\(number).ubl.xml", UBLWriter.write(document))] {
                try data.write(to: randomBad.appendingPathComponent(name))
                record("bad/\(name)", rule, document, syntax)
            }
        }
    }
    try Data((verdicts.joined(separator: "\n") + "\n").utf8).write(to: randomRoot.appendingPathComponent("verdicts.tsv"))
    print("random/: \(randomCount) documents (seed \(seed)), \(verdicts.count - 1) files with the SDK's verdicts")
}

