// chorus-demo — the supplier's whole journey on Chorus Pro, against the built-in fake (no network):
//
//   swift run chorus-demo             create the manager account, affiliate the company, send an invoice to the
//                                     Opéra national de Paris, watch it get paid
//   swift run chorus-demo --facturx   the same journey, then the invoice also written as a Factur-X PDF/A-3
//                                     (CII inside), deposited as IN_DP_E2_CII_FACTURX and followed to its report
//   swift run chorus-demo --recipient the same journey with the Opéra's side played through the API: its own client
//                                     (its technical account) finds the invoice among its received invoices, reads
//                                     it, downloads it, suspends it for a missing document, and pays it once completed
//   swift run chorus-demo --sandbox   the steps PISTE exposes, against the PISTE sandbox, with credentials from
//                                     CHORUS_PISTE_CLIENT_ID, CHORUS_PISTE_CLIENT_SECRET, CHORUS_TECH_LOGIN and
//                                     CHORUS_TECH_PASSWORD; portal-only steps are named, not run
//
// Each step prints what a person would see on the portal. Exits 0 on success; on a bad credential or an
// unreachable platform it prints the SDK's diagnosis and exits 1.
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

@main
struct ChorusDemo {
    static func main() async {
        do {
            if CommandLine.arguments.contains("--sandbox") {
                try await sandbox()
            } else {
                try await journeyOnTheFake()
            }
        } catch let error as ChorusError {
            print("\nStopped: \(error.description)")
            exit(1)
        } catch {
            print("\nStopped: \(error)")
            exit(1)
        }
    }

    static func journeyOnTheFake() async throws {
        let fake = FakeChorusPro()
        let portal = try ChorusClient(
            environment: MockTransport.environment, credentials: MockTransport.credentials,
            transport: MockTransport(fake: fake))
        print("Chorus Pro journey on the built-in fake (ChorusMock, in memory, no network)")

        step(1, "Create the manager account (portal: « Créer un compte »)")
        let email = "anne.dupont@atelier-dupont.example"
        let account = try await portal.accounts.register(
            ManagerRegistration(
                email: email, emailConfirmation: email, firstName: "Anne", lastName: "Dupont",
                phone: "+33 4 72 00 00 00",
                acceptsTerms: true, agreesToSurveys: false))
        print("    account \(account.id) created for \(email); terms accepted, surveys declined")

        step(2, "Read the activation e-mail")
        guard let mail = await fake.outbox.last, let token = mail.activationToken else {
            throw DemoFailure("no activation e-mail")
        }
        print("    to: \(mail.to) — « \(mail.subject) »")

        step(3, "Set the password and sign in")
        let password = "Atelier-Dupont-2026!"
        try await portal.accounts.activate(token: token, password: password)
        let session = try await portal.accounts.signIn(email: email, password: password)
        print("    password accepted (\(ManagerPasswordRule.description)); signed in")

        step(4, "Affiliate the company by its SIRET")
        let affiliation = try await portal.structures.requestAffiliation(
            .siret(FakeSeed.supplierSIRET), session: session)
        print(
            "    \(affiliation.structureName ?? "?") (SIRET \(affiliation.structureIdentifier ?? "?")): "
                + "\(affiliation.status), role \(affiliation.role ?? "?")")

        step(5, "Create the technical account and API connection (portal: « Raccordement EDI/API »)")
        let technical = try await portal.accounts.createTechnicalAccount(
            structureID: affiliation.structureID, session: session)
        print(
            "    technical login \(technical.credentials.technicalLogin); PISTE client id \(technical.credentials.clientID)"
        )
        let client = try ChorusClient(
            environment: MockTransport.environment, credentials: technical.credentials,
            transport: MockTransport(fake: fake))

        step(6, "Check the connection")
        let report = await client.accounts.verifyConnection()
        print(report.summary.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        guard report.isHealthy else { throw DemoFailure("the connection check failed") }

        step(7, "Look up the Opéra national de Paris and what an invoice to it must carry")
        let opera = try await client.structures.recipient(siret: "78439607900054", serviceCode: "DIRECTION_ACHATS")
        print("    \(opera.summary)")

        step(8, "Upload the PDF invoice and see what Chorus Pro read from it")
        let today = CalendarDate(Date())
        let number = "F2026-0042"
        let pdf = InvoicePDF.make(
            lines: InvoicePDF.operaInvoiceLines(
                number: number, date: today.description,
                supplierSIRET: FakeSeed.supplierSIRET))
        let upload = try await client.invoices.uploadPDF(pdf, fileName: "\(number).pdf")
        func shown(_ value: (some CustomStringConvertible)?) -> String {
            value.map(\.description) ?? "(not read — to fill in)"
        }
        print(
            "    number \(shown(upload.invoiceNumber)), date \(shown(upload.invoiceDate)), recipient \(shown(upload.recipientSIRET)), "
                + "service \(shown(upload.serviceCode))")
        print(
            "    HT \(shown(upload.totalExcludingTax?.formatted())), TVA \(shown(upload.totalVAT?.formatted())), "
                + "to pay \(shown(upload.amountToPay?.formatted())), "
                + "VAT regime \(shown(upload.vatRegime))")

        step(9, "Complete and check the form")
        guard let supplier = try await client.accounts.activeSupplierStructures().first,
            let bank = try await client.accounts.bankAccounts(structureID: supplier.id).first
        else { throw DemoFailure("no supplier structure or bank account") }
        let submission = InvoiceSubmission(
            mode: .pdf, invoiceNumber: upload.invoiceNumber ?? number, invoiceDate: upload.invoiceDate ?? today,
            recipientSIRET: upload.recipientSIRET ?? "78439607900054",
            serviceCode: upload.serviceCode ?? "DIRECTION_ACHATS",
            supplierID: supplier.id, bankAccountID: bank.id, framework: .supplierInvoice, currency: "EUR",
            type: .invoice,
            vatRegime: .onCollections, paymentMode: .transfer,
            vatBreakdown: [VATBreakdownLine(rate: .percentage(20), base: "1000.00", vat: "200.00")],
            totals: InvoiceTotals(
                excludingTax: "1000.00", vat: "200.00", includingTax: "1200.00", amountToPay: "1200.00"),
            mainAttachment: AttachmentReference(id: upload.attachmentID, designation: "Facture \(number)"))
        print("    framework A1 (supplier invoice), EUR, VAT on collections, transfer to « \(bank.name ?? "?") »")
        print("    totals: HT 1000.00 + TVA 200.00 = TTC 1200.00, to pay 1200.00; VAT 20 % on 1000.00")
        let problems = try await client.invoices.validate(submission)
        print(problems.isEmpty ? "    the form is complete: no problem found" : "    problems: \(problems)")

        step(10, "Send")
        let invoice = try await client.invoices.submit(submission)
        print(
            "    invoice \(invoice.number) deposited: id \(invoice.id), status \(invoice.status?.rawValue ?? "not given"), "
                + "certificate \(invoice.certificateFingerprint ?? "-")")

        if CommandLine.arguments.contains("--recipient") {
            try await operaSide(invoice: invoice, supplier: client, fake: fake)
        } else {
            step(11, "The Opéra makes it available, then pays it")
            try await fake.makeAvailable(invoice.id)
            try await fake.markPaid(invoice.id)
        }
        let history = try await client.invoices.waitForStatus(
            invoiceID: invoice.id, in: [.paymentInitiated], timeout: .seconds(10))

        step(14, "Status history")
        for entry in history.entries.reversed() { print("    \(entry.dateText ?? "?")  \(entry.status)") }

        if CommandLine.arguments.contains("--facturx") { try await facturX(client: client, fake: fake) }
        print(
            "\nDone: invoice \(invoice.number) to the Opéra national de Paris, 1200.00 EUR, status \(history.currentStatus)."
        )
    }

    /// The Opéra's side of the journey, through the API with the Opéra's own technical account.
    static func operaSide(invoice: SubmittedInvoice, supplier: ChorusClient, fake: FakeChorusPro) async throws {
        let opera = try fake.client(as: .recipient)
        step(11, "The Opéra's side: its received invoices (its own technical account, \(FakeSeed.recipientLogin))")
        let received = try await opera.receivedInvoices.search(ReceivedInvoiceQuery(downloaded: false))
        for item in received.items {
            print(
                "    \(item.number) from \(item.supplierName ?? "?"), \(item.totalIncludingTax?.formatted() ?? "?") EUR TTC, \(item.status)"
            )
        }
        let details = try await opera.receivedInvoices.details(invoiceID: invoice.id)
        print(
            "    service \(details.serviceCode ?? "-"), \(details.lineCount) line(s), bank account « \(details.supplier?.bankAccount?.label ?? "-") »"
        )
        let file = try await opera.receivedInvoices.download(invoiceIDs: [invoice.id], format: .pdf)
        print("    downloaded: \(file.count) bytes of PDF")

        step(12, "The Opéra makes it available, then suspends it: the delivery note is missing")
        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .madeAvailable)
        _ = try await opera.receivedInvoices.process(
            invoiceID: invoice.id, to: .suspended, reason: "Bon de livraison manquant")
        let suspended = try await supplier.invoices.waitForStatus(
            invoiceID: invoice.id, in: [.suspended], timeout: .seconds(10))
        print("    the supplier sees \(suspended.currentStatus): « \(suspended.entries.first?.comment ?? "") »")
        let note = try await supplier.invoices.addAttachment(
            Data("bon de livraison signé".utf8), fileName: "bon-livraison.pdf",
            mimeType: "application/pdf")
        try await supplier.invoices.complete(
            invoiceID: invoice.id, comment: "Bon de livraison joint", attachments: [note])
        print("    the supplier completes it with the delivery note")

        step(13, "The Opéra confirms the service and pays")
        for status in [InvoiceStatus.serviceDone, .mandated, .paymentInitiated] {
            let done = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: status)
            print(
                "    → \(done.status?.rawValue ?? "?")\(status.reformStatus(on: .accreditedPlatform).map { " (reform, through a platform: \($0))" } ?? "")"
            )
        }
    }

    /// The invoice as a Factur-X: a PDF/A-3 for people with the CII for the platform inside.
    static func facturX(client: ChorusClient, fake: FakeChorusPro) async throws {
        step(15, "The same kind of invoice as a Factur-X file (PDF/A-3 with the CII XML inside)")
        let font = try TrueTypeFont.systemDefault()
        var document = SampleDocuments.operaInvoice(number: "F2026-0043", date: CalendarDate(Date()))
        document.seller.identifier = .siret(FakeSeed.supplierSIRET)
        let pdf = try FacturXWriter.write(document, font: font)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("F2026-0043-facturx.pdf")
        try pdf.write(to: path)
        print(
            "    \(pdf.count / 1024) KB written to \(path.path); embedded factur-x.xml level \(try FacturXReader.conformanceLevel(pdf) ?? "?")"
        )
        let deposit = try await client.invoices.depositFacturX(document, font: font, requirement: nil)
        await fake.advance(by: 60)
        let report = try await client.invoices.fluxReport(deposit.number)
        print("    flux \(deposit.number) (IN_DP_E2_CII_FACTURX): \(report.state)")
    }

    static func sandbox() async throws {
        print("PISTE sandbox: the steps PISTE exposes (credentials from CHORUS_* environment variables)")
        print("Portal-only steps (done at https://chorus-pro.gouv.fr/qualif, not through the API): create the manager")
        print("account, activate it, affiliate the company, create the technical account and API connection.")
        let client = try ChorusClient(environment: .sandbox, credentials: try ChorusCredentials.fromEnvironment())
        step(1, "Check the connection")
        let report = await client.accounts.verifyConnection()
        print(report.summary.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        guard report.isHealthy else { throw report.problems.first?.error ?? DemoFailure("the connection check failed") }
        step(2, "My structures and bank accounts")
        for structure in try await client.accounts.attachedStructures().collect() {
            let banks = try await client.accounts.bankAccounts(structureID: structure.id)
            print("    \(structure.name ?? "?") \(structure.identifier): \(banks.count) bank account(s)")
        }
        step(3, "Reference tables")
        print(
            "    frameworks: \(try await client.references.invoicingFrameworks().map(\.rawValue).joined(separator: ", "))"
        )
        print("\nDone: the sandbox answers with these credentials.")
    }
}

struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
