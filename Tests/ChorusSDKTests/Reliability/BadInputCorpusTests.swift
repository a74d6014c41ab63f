import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// Every bad input is refused locally, with its code and field, and nothing goes on the wire.
@Suite("Reliability: bad input corpus")
struct BadInputCorpusTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let field: String
        let call: @Sendable (ChorusClient) async throws -> Void
        var testDescription: String { name }
    }

    static func submission(_ change: @escaping @Sendable (inout InvoiceSubmission) -> Void) -> @Sendable (ChorusClient) async throws -> Void {
        { client in
            var submission = InvoiceFixtures.pdfSubmission(attachment: 1)
            change(&submission)
            _ = try await client.invoices.submit(submission)
        }
    }

    static func structured(_ change: @escaping @Sendable (inout InvoiceSubmission) -> Void) -> @Sendable (ChorusClient) async throws -> Void {
        { client in
            var submission = InvoiceFixtures.structured()
            change(&submission)
            _ = try await client.invoices.submit(submission)
        }
    }

    static let corpus: [BadInput] = {
        var cases: [BadInput] = []
        func add(_ name: String, _ field: String, _ call: @escaping @Sendable (ChorusClient) async throws -> Void) {
            cases.append(BadInput(name: name, field: field, call: call))
        }
        // Identifiers.
        for (value, label) in [("7843960790005", "13 digits"), ("784396079000545", "15 digits"), ("7843960790005X", "a letter"),
                               ("78439607900055", "check digit"), ("٧٨٤٣٩٦٠٧٩٠٠٠٥٤", "Arabic digits"), ("35600000049838", "La Poste sum"),
                               ("", "empty"), ("7843\u{200B}9607900054", "zero-width space")] {
            add("recipient SIRET: \(label)", "destinataire.codeDestinataire", submission { $0.recipientSIRET = value })
        }
        add("recipient lookup with bad SIRET", "identifiantStructure") { _ = try await $0.structures.recipient(siret: "1234") }
        add("validator SIRET invalid", "cadreDeFacturation.codeStructureValideur",
            structured { $0.framework = .subcontractorInvoice; $0.validatorSIRET = "12345678901234" })
        add("commitment search, empty number", "numeroEngagementJuridique") { _ = try await $0.structures.commitments(number: " ", supplierID: 1) }
        // Invoice numbers and dates.
        for (number, label) in [(String(repeating: "9", count: 21), "21 characters"), ("F 2026", "a space"), ("F2026#1", "a hash"),
                                ("FACTURE-É", "an accent"), ("F😀1", "an emoji"), ("", "empty")] {
            add("invoice number: \(label)", "numeroFactureSaisi", submission { $0.invoiceNumber = number })
        }
        add("no invoice date in PDF mode", "dateFacture", submission { $0.invoiceDate = nil })
        add("invoice date tomorrow", "dateFacture", submission { $0.invoiceDate = InvoiceFixtures.today.adding(days: 1) })
        add("invoice date next year", "dateFacture", submission { $0.invoiceDate = InvoiceFixtures.today.adding(days: 366) })
        // Amounts.
        for (ht, vat, ttc, pay, field, label) in [
            ("-1.00", "0", "-1.00", "-1.00", "montantTotal.montantHtTotal", "negative HT"),
            ("1000.001", "200", "1200.001", "1200.001", "montantTotal.montantHtTotal", "three decimals"),
            ("1000", "200", "1200.01", "1200.01", "montantTotal.montantTtcTotal", "TTC off by a cent"),
            ("1000", "200", "1200", "1199.99", "montantTotal.montantAPayer", "to pay off by a cent"),
            ("1000", "-200", "800", "800", "montantTotal.montantTVA", "negative VAT"),
            ("1000", "200", "1200", "-5", "montantTotal.montantAPayer", "negative amount to pay"),
        ] as [(Amount, Amount, Amount, Amount, String, String)] {
            add("totals: \(label)", field, submission {
                $0.totals = InvoiceTotals(excludingTax: ht, vat: vat, includingTax: ttc, amountToPay: pay)
                $0.vatBreakdown = nil
            })
        }
        add("VAT breakdown bases ≠ HT", "ligneTva", submission { $0.vatBreakdown = [VATBreakdownLine(rate: .percentage(20), base: 999, vat: 200)] })
        add("VAT breakdown VAT ≠ total", "ligneTva", submission { $0.vatBreakdown = [VATBreakdownLine(rate: .percentage(20), base: 1000, vat: 199)] })
        add("VAT line with three decimals", "ligneTva[0]", submission { $0.vatBreakdown = [VATBreakdownLine(rate: .percentage(20), base: "1000.000", vat: "200.001")] })
        add("global discount not deducted", "montantTotal.montantAPayer", submission {
            $0.totals = InvoiceTotals(excludingTax: 1000, vat: 200, includingTax: 1200, globalDiscount: 50, amountToPay: 1200) })
        // Lines.
        add("line quantity zero", "lignePoste[0].lignePosteQuantite", structured { $0.lines[0].quantity = 0 })
        add("line quantity negative", "lignePoste[0].lignePosteQuantite", structured { $0.lines[0].quantity = -2 })
        add("line quantity with 7 decimals", "lignePoste[0].lignePosteQuantite", structured { $0.lines[0].quantity = "1.0000001" })
        add("line unit price negative", "lignePoste[1].lignePosteMontantUnitaireHT", structured { $0.lines[1].unitPrice = "-0.01" })
        add("line unit price with 7 decimals", "lignePoste[1].lignePosteMontantUnitaireHT", structured { $0.lines[1].unitPrice = "0.0000001" })
        add("line discount above its amount", "lignePoste[2].lignePosteMontantRemiseHT", structured { $0.lines[2].discount = "1000" })
        add("line discount negative", "lignePoste[2].lignePosteMontantRemiseHT", structured { $0.lines[2].discount = "-1" })
        add("line without designation", "lignePoste[0].lignePosteDenomination", structured { $0.lines[0].designation = " \u{00A0}" })
        add("line VAT rate above 100 %", "lignePoste[1].lignePosteTauxTvaManuel", structured { $0.lines[1].vatRate = .percentage(150) })
        add("line VAT rate negative", "lignePoste[1].lignePosteTauxTvaManuel", structured { $0.lines[1].vatRate = .percentage(-5) })
        // Missing fields per mode.
        add("structured without lines", "lignePoste", structured { $0.lines = [] })
        add("PDF without attachment", "pieceJointePrincipale", submission { $0.mainAttachment = nil })
        add("PDF without totals", "montantTotal", submission { $0.totals = nil; $0.vatBreakdown = nil })
        add("PDF without number", "numeroFactureSaisi", submission { $0.invoiceNumber = nil })
        add("unsupported mode", "modeDepot", submission { $0.mode = DepositMode(rawValue: "SAISIE_WEB") })
        add("no supplier", "fournisseur.idFournisseur", submission { $0.supplierID = 0 })
        add("transfer without bank account", "fournisseur.codeCoordonneesBancairesFournisseur", submission { $0.bankAccountID = nil })
        add("exempt without reason", "references.motifExonerationTva", submission { $0.vatRegime = .exempt })
        add("currency in lower case", "references.deviseFacture", submission { $0.currency = "eur" })
        add("currency with a symbol", "references.deviseFacture", submission { $0.currency = "€UR" })
        add("A9 without validator", "cadreDeFacturation.codeStructureValideur", structured { $0.framework = .subcontractorInvoice })
        add("commitment of 51 characters", "references.numeroBonCommande", submission { $0.commitmentNumber = String(repeating: "E", count: 51) })
        add("main attachment designation of 101 characters", "pieceJointePrincipale",
            submission { $0.mainAttachment = AttachmentReference(id: 1, designation: String(repeating: "d", count: 101)) })
        // Credit notes.
        add("credit note without original", "references.numeroFactureOrigine", submission { $0.type = .creditNote; $0.paymentMode = nil })
        add("credit note with empty original", "references.numeroFactureOrigine",
            submission { $0.type = .creditNote; $0.originalInvoiceNumber = ""; $0.paymentMode = nil })
        add("without VAT but VAT charged", "montantTotal.montantTVA", structured { $0.vatRegime = .withoutVAT; $0.lines[0].vatRate = .percentage(20) })
        // Files.
        add("PDF that is not a PDF", "fichierFacture") { _ = try await $0.invoices.uploadPDF(Data("GIF89a".utf8), fileName: "f.pdf") }
        add("PDF over 10 MB", "fichierFacture") { _ = try await $0.invoices.uploadPDF(Data("%PDF".utf8) + Data(count: 10 * 1024 * 1024), fileName: "f.pdf") }
        add("PDF with a .doc name", "fichierFacture") { _ = try await $0.invoices.uploadPDF(Data("%PDF-1.4".utf8), fileName: "f.doc") }
        add("attachment name of 51 characters", "pieceJointeNom") {
            _ = try await $0.invoices.addAttachment(Data("x".utf8), fileName: String(repeating: "a", count: 47) + ".pdf", mimeType: "application/pdf") }
        add("attachment with .exe", "pieceJointeNom") { _ = try await $0.invoices.addAttachment(Data("x".utf8), fileName: "a.exe", mimeType: "x") }
        add("attachment without extension", "pieceJointeNom") { _ = try await $0.invoices.addAttachment(Data("x".utf8), fileName: "readme", mimeType: "x") }
        add("empty attachment", "pieceJointeNom") { _ = try await $0.invoices.addAttachment(Data(), fileName: "a.pdf", mimeType: "application/pdf") }
        add("flux name of 201 characters", "fichierFlux") {
            _ = try await $0.invoices.depositFile(Data("<x/>".utf8), fileName: String(repeating: "f", count: 197) + ".xml", syntax: .ubl) }
        add("empty flux", "fichierFlux") { _ = try await $0.invoices.depositFile(Data(), fileName: "f.xml", syntax: .ubl) }
        // Accounts and follow-up.
        add("registration: e-mails differ", "confirmationEmail") {
            _ = try await $0.accounts.register(ManagerRegistration(email: "a@b.fr", emailConfirmation: "b@b.fr", firstName: "A", lastName: "B", acceptsTerms: true)) }
        add("registration: odd e-mail", "email") {
            _ = try await $0.accounts.register(ManagerRegistration(email: "a@b", emailConfirmation: "a@b", firstName: "A", lastName: "B", acceptsTerms: true)) }
        add("registration: terms refused", "acceptationCGU") {
            _ = try await $0.accounts.register(ManagerRegistration(email: "a@b.fr", emailConfirmation: "a@b.fr", firstName: "A", lastName: "B", acceptsTerms: false)) }
        add("activation: weak password", "motDePasse") { try await $0.accounts.activate(token: "t", password: "password") }
        add("activation: no token", "jetonActivation") { try await $0.accounts.activate(token: " ", password: "Strong-Pass-2026") }
        add("sign-in: odd e-mail", "email") { _ = try await $0.accounts.signIn(email: "nobody", password: "x") }
        add("completer: comment of 2001 characters", "commentaire") {
            try await $0.invoices.complete(invoiceID: 1, comment: String(repeating: "c", count: 2001), attachments: []) }
        add("recycler: bad SIRET", "identifiantStructure") {
            _ = try await $0.invoices.recycle(invoiceID: 1, recipientSIRET: "123", serviceCode: nil, commitmentNumber: nil, comment: nil) }
        add("download: no invoice", "listeFacture") { _ = try await $0.invoices.download(invoiceIDs: [], format: "PDF") }
        // Abuse: sizes, digits, characters that change how a text reads.
        add("40-digit unit price", "lignePoste[0].lignePosteMontantUnitaireHT",
            structured { $0.lines[0].unitPrice = Amount(Decimal(string: String(repeating: "9", count: 40)) ?? 0) })
        add("14-digit quantity", "lignePoste[0].lignePosteQuantite", structured { $0.lines[0].quantity = "12345678901234" })
        add("40-digit total", "montantTotal.montantHtTotal", submission {
            $0.totals = InvoiceTotals(excludingTax: Amount(Decimal(string: String(repeating: "1", count: 40)) ?? 0), vat: 0, includingTax: 0, amountToPay: 0) })
        add("NaN literal as a price", "lignePoste[1].lignePosteMontantUnitaireHT", structured { $0.lines[1].unitPrice = "NaN" })
        add("NaN Decimal as a discount", "lignePoste[2].lignePosteMontantRemiseHT", structured { $0.lines[2].discount = Amount(Decimal.nan) })
        add("100 KB designation", "lignePoste[0].lignePosteDenomination",
            structured { $0.lines[0].designation = String(repeating: "é", count: 100_000) })
        add("10,000 lines", "lignePoste", structured { submission in
            submission.lines = (0..<10_000).map { InvoiceLine(designation: "L\($0)", quantity: 1, unitPrice: 1, vatRate: .percentage(20)) } })
        for (label, text) in [("NUL", "Bureau\u{0}"), ("ESC", "\u{1B}[31mRouge"), ("CRLF", "Ligne\r\nInjectée"),
                              ("right-to-left override", "Facture \u{202E}fdp.exe"), ("isolate", "A\u{2067}B"), ("DEL", "A\u{7F}")] {
            add("designation with \(label)", "lignePoste[0].lignePosteDenomination", structured { $0.lines[0].designation = text })
            add("comment with \(label)", "commentaire", submission { $0.comment = text })
        }
        add("service code with NUL", "destinataire.codeServiceExecutant", submission { $0.serviceCode = "DIRECTION\u{0}ACHATS" })
        add("service code of 101 characters", "destinataire.codeServiceExecutant", submission { $0.serviceCode = String(repeating: "S", count: 101) })
        add("unit with a line feed", "lignePoste[0].lignePosteUnite", structured { $0.lines[0].unit = "lot\n" })
        add("reference of 101 characters", "lignePoste[0].lignePosteReference", structured { $0.lines[0].reference = String(repeating: "R", count: 101) })
        add("exemption reason with RLO", "references.motifExonerationTva", submission { $0.vatExemptionReason = "\u{202E}TVA" })
        add("contract number of 101 characters", "references.numeroMarche", submission { $0.contractNumber = String(repeating: "M", count: 101) })
        add("comment of 2,001 characters", "commentaire", submission { $0.comment = String(repeating: "c", count: 2_001) })
        add("attachment designation with CRLF", "pieceJointePrincipale",
            submission { $0.mainAttachment = AttachmentReference(id: 1, designation: "Facture\r\nX") })
        for (label, name) in [("NUL", "fac\u{0}ture.pdf"), ("../", "../../etc/passwd.pdf"), ("CRLF", "a\r\nb.pdf"),
                              ("backslash", "..\\a.pdf"), ("RLO", "fdp\u{202E}.pdf"), ("leading dot", ".hidden.pdf")] {
            add("PDF file name with \(label)", "fichierFacture") { _ = try await $0.invoices.uploadPDF(Data("%PDF-1.4".utf8), fileName: name) }
            add("attachment file name with \(label)", "pieceJointeNom") {
                _ = try await $0.invoices.addAttachment(Data("x".utf8), fileName: name, mimeType: "application/pdf") }
            add("flux file name with \(label)", "fichierFlux") {
                _ = try await $0.invoices.depositFile(Data("<x/>".utf8), fileName: name.replacingOccurrences(of: ".pdf", with: ".xml"), syntax: .ubl) }
        }
        add("MIME type with CRLF", "pieceJointeTypeMime") {
            _ = try await $0.invoices.addAttachment(Data("x".utf8), fileName: "a.pdf", mimeType: "application/pdf\r\nX-Injected: 1") }
        add("recycler: comment with NUL", "commentaire") {
            _ = try await $0.invoices.recycle(invoiceID: 1, recipientSIRET: "78439607900054", serviceCode: nil, commitmentNumber: nil, comment: "a\u{0}") }
        add("completer: comment with ESC", "commentaire") { try await $0.invoices.complete(invoiceID: 1, comment: "\u{1B}c", attachments: []) }
        // The inputs of issue 23 that used to go out: long search text, U+FFFD and noncharacters in names, too many or
        // impossible ids, pages out of range.
        add("structure search with a 100 KB name", "structure.raisonSocialeStructure") { client in
            _ = try await client.structures.search(StructureQuery(name: String(repeating: "A", count: 100_000)), page: PageRequest())
        }
        add("PDF file name with U+FFFD", "fichierFacture") { client in
            _ = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "facture\u{FFFD}.pdf")
        }
        add("PDF file name with a noncharacter", "fichierFacture") { client in
            _ = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "facture\u{FFFF}.pdf")
        }
        add("download of 100,000 ids", "listeFacture") { client in
            _ = try await client.invoices.download(invoiceIDs: Array(1...100_000), format: .pdf, includeAttachments: false)
        }
        add("history of Int.min", "idFacture") { client in _ = try await client.invoices.history(invoiceID: Int.min) }
        add("details of 0", "identifiantFactureCPP") { client in _ = try await client.invoices.details(invoiceID: 0) }
        add("page size Int.max", "nbResultatsParPage") { client in
            _ = try await client.invoices.search(InvoiceQuery(), page: PageRequest(pageSize: Int.max))
        }
        add("page Int.min", "pageResultatDemandee") { client in
            _ = try await client.structures.search(StructureQuery(name: "OPERA"), page: PageRequest(page: Int.min))
        }
        return cases
    }()

    @Test("at least 100 bad inputs in the corpus")
    func corpusSize() { #expect(Self.corpus.count >= 100) }

    @Test("a malformed Amount literal does not trap: it is not a number, and is reported as such")
    func malformedLiteral() {
        let amount: Amount = "NaN"
        #expect(!amount.isFinite)
        #expect(!amount.isNegative)
        let comma: Amount = "1,5"
        #expect(!comma.isFinite)
        let problems = InputLimits.amountProblems(amount, field: "x")
        #expect(problems.map(\.rule) == ["amount.finite"])
        #expect(problems.first?.message.contains("negative") == false)
    }

    @Test("multi-line comments and ordinary accents, apostrophes and € pass")
    func ordinaryTextPasses() {
        #expect(InputLimits.textProblems("Ligne 1\nLigne 2\tTabulée, l'été à 12 € — ok", field: "commentaire", multiline: true).isEmpty)
        #expect(InputLimits.textProblems("Désignation « spéciale » ÆØÅ 日本 🙂", field: "lignePosteDenomination").isEmpty)
        #expect(InputLimits.fileNameProblems("facture_2026-01.v2.pdf", field: "f").isEmpty)
    }

    @Test("each bad input is refused with its field, before any request", arguments: corpus)
    func refused(_ input: BadInput) async throws {
        let transport = ScriptedTransport()
        let client = try ChorusClient(environment: .production, credentials: Fixtures.credentials, transport: transport)
        let error = try await #require(throws: ChorusError.self) { try await input.call(client) }
        #expect(error.code == .invalidInput, "\(input.name): \(error.code)")
        let fields = [error.field] + error.problems.map(\.field)
        #expect(fields.contains(input.field), "\(input.name): fields \(fields)")
        #expect(transport.requests.isEmpty, "\(input.name) sent \(transport.requests.count) request(s)")
    }

    @Test("recipient rules are refused offline when the recipient's profile is known", arguments: [
        ("FACTURES_PUBLIQUES", nil, "recipient.publicInvoicesService"), ("ATELIERS_DECORS", nil, "recipient.activeService"),
        (nil, nil, "recipient.serviceCodeRequired"), ("PRODUCTION", nil, "service.commitmentRequired"),
    ] as [(String?, String?, String)])
    func recipientRules(_ service: String?, _ commitment: String?, _ rule: String) throws {
        let detail = Data(#"{"informationGenerales":{"idStructureCPP":26300001,"identifiantStructure":"78439607900054","structurePriveePublique":"PUBLIQUE"},"parametres":{"codeServiceDoitEtreRenseigne":true,"numeroEJDoitEtreRenseigne":false,"gestionNumeroEJOuCodeService":false}}"#.utf8)
        let structure = try JSONDecoder().decode(StructureDetails.self, from: detail)
        let services = try JSONDecoder().decode([ServiceInfo].self, from: Data(#"[{"idService":1,"codeService":"DIRECTION_ACHATS","estActif":true},{"idService":4,"codeService":"PRODUCTION","estActif":true}]"#.utf8))
        let production = try JSONDecoder().decode(ServiceDetails.self, from: Data(#"{"informationsGenerales":{"codeService":"PRODUCTION"},"parametres":{"numeroEngagement":true}}"#.utf8))
        let profile = RecipientProfile(structure: structure, services: services, requirement: structure.requirement,
                                       service: service == "PRODUCTION" ? production : nil)
        var submission = InvoiceFixtures.pdfSubmission(attachment: 1)
        submission.serviceCode = service
        submission.commitmentNumber = commitment
        let problems = InvoiceValidator(today: InvoiceFixtures.today, recipient: profile).problems(in: submission)
        #expect(problems.map(\.rule) == [rule])
    }
}
