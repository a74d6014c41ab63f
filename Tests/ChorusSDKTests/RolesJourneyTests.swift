import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// Every role of the platform, each with its own client (its own technical account), on all three transports:
/// the supplier, the public body that receives the invoice, and the validator of an A9 invoice.
@Suite("Roles: supplier, recipient and validator, each with its own client", .serialized, .timeLimit(.minutes(10)))
struct RolesJourneyTests {
    static let operaService = "DIRECTION_ACHATS"

    /// A structured invoice to the Opéra.
    static func toOpera(framework: InvoicingFramework = .supplierInvoice, validator: String? = nil) -> InvoiceSubmission
    {
        var submission = InvoiceFixtures.structured(recipient: FakeSeed.operaSIRET, service: operaService)
        submission.framework = framework
        submission.validatorSIRET = validator
        return submission
    }

    @Test(
        "one invoice: supplier → recipient (made available, suspended, completed, paid), the supplier seeing each step",
        arguments: TransportKind.allCases)
    func supplierToRecipient(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let supplier = try harness.client(as: .supplier, retry: .default)
        let opera = try harness.client(as: .recipient, retry: .default)
        let invoice = try await supplier.invoices.submit(Self.toOpera())

        // The public body finds it in its received invoices, with the search's paging.
        let received = try await opera.receivedInvoices.search(ReceivedInvoiceQuery(invoiceNumber: invoice.number))
        #expect(received.items.map(\.id) == [invoice.id])
        #expect(received.info.total == 1 && received.info.currentPage == 1)
        #expect(received.items.first?.supplierIdentifier == FakeSeed.supplierSIRET)
        // Nothing for an unknown number: the platform's 20000 "no result" is an empty page, not an error.
        #expect(try await opera.receivedInvoices.search(ReceivedInvoiceQuery(invoiceNumber: "NOPE")).items.isEmpty)

        // A suspension without a reason is refused before anything is sent.
        let sentBefore = await harness.fake.journal.count
        let missingReason = try await #require(throws: ChorusError.self) {
            try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .suspended)
        }
        #expect(missingReason.code == .invalidInput && missingReason.field == "motif")
        #expect(await harness.fake.journal.count == sentBefore)

        let available = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .madeAvailable)
        #expect(available.status == .madeAvailable && available.id == invoice.id)
        #expect(try await supplier.invoices.history(invoiceID: invoice.id).currentStatus == .madeAvailable)
        #expect(try await opera.receivedInvoices.possibleStatuses(from: .madeAvailable).contains(.suspended))

        _ = try await opera.receivedInvoices.process(
            invoiceID: invoice.id, to: .suspended, reason: "Bon de livraison manquant")
        let seen = try await supplier.invoices.search(InvoiceQuery(invoiceNumber: invoice.number))
        #expect(
            seen.items.first?.status == .suspended && seen.items.first?.statusComment == "Bon de livraison manquant")
        let completion = try await supplier.invoices.complete(
            invoiceID: invoice.id, comment: "Le voici", attachments: [])
        #expect(completion.id == invoice.id)

        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .serviceDone)
        _ = try await opera.receivedInvoices.process(
            invoiceID: invoice.id, to: .mandated, reason: nil, mandateNumber: "MDT-2026-17")
        let paid = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .paymentInitiated)
        #expect(paid.status == .paymentInitiated)
        // A move the lifecycle does not allow is the platform's refusal, typed.
        let late = try await #require(throws: ChorusError.self) {
            try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .suspended, reason: "trop tard")
        }
        #expect(late.code == .rejected)

        // The public body downloads it: the supplier's history shows the download.
        let file = try await opera.receivedInvoices.download(invoiceIDs: [invoice.id], format: .pivot)
        #expect(!file.isEmpty)
        let history = try await supplier.invoices.waitForStatus(
            invoiceID: invoice.id, in: [.paymentInitiated], timeout: .seconds(30))
        #expect(
            history.entries.map(\.status).reversed() == [
                .deposited, .madeAvailable, .suspended, .completed, .serviceDone,
                .mandated, .paymentInitiated,
            ])
        #expect(history.userActions.map(\.code) == ["TELECHARGEMENT_FACTURE"])
        #expect(history.lastAction?.code == "TELECHARGEMENT_FACTURE")
        #expect(history.currentStatus.reformStatus(on: .accreditedPlatform) == .paymentSent)
        let details = try await opera.receivedInvoices.details(invoiceID: invoice.id)
        #expect(details.references?.mandateNumber == "MDT-2026-17")
        #expect(details.lines.count == 3 && details.lineCount == 3)
        #expect(
            details.supplier?.code == FakeSeed.supplierSIRET
                && details.supplier?.bankAccount?.id == InvoiceFixtures.bankAccountID)
        #expect(details.totals?.excludingTax != nil && details.vatSummary.count == 3)
        // The supplier cannot act as the public body.
        let notMine = try await #require(throws: ChorusError.self) {
            try await supplier.receivedInvoices.details(invoiceID: invoice.id)
        }
        #expect(notMine.code == .rejected)
    }

    @Test(
        "an A9 invoice: supplier → validator → recipient; the recipient sees it only once validated",
        arguments: TransportKind.allCases)
    func throughTheValidator(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let supplier = try harness.client(as: .supplier, retry: .default)
        let validator = try harness.client(as: .validator, retry: .default)
        let opera = try harness.client(as: .recipient, retry: .default)
        let invoice = try await supplier.invoices.submit(
            Self.toOpera(framework: .subcontractorInvoice, validator: FakeSeed.validatorSIRET))
        #expect(invoice.status == .awaitingFirstValidation)
        #expect(
            try await opera.receivedInvoices.search(ReceivedInvoiceQuery(invoiceNumber: invoice.number)).items.isEmpty)

        let waiting = try await validator.validations.search(ReceivedInvoiceQuery(statuses: [.awaitingFirstValidation]))
        #expect(waiting.items.map(\.id) == [invoice.id])
        #expect(try await validator.validations.visibleStatuses().contains(.awaitingFirstValidation))
        let seenByValidator = try await validator.validations.details(invoiceID: invoice.id)
        #expect(seenByValidator.frameworkParties.firstValidator?.identifier == FakeSeed.validatorSIRET)
        let noReason = try await #require(throws: ChorusError.self) {
            try await validator.validations.process(invoiceID: invoice.id, action: .refuse, reason: " ")
        }
        #expect(noReason.code == .invalidInput && noReason.field == "motifRefus")

        let validated = try await validator.validations.validate(invoiceID: invoice.id)
        #expect(validated.status == .madeAvailable)
        let received = try await opera.receivedInvoices.search(ReceivedInvoiceQuery(invoiceNumber: invoice.number))
        #expect(received.items.map(\.id) == [invoice.id])
        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .mandated)
        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .paymentInitiated)
        let history = try await supplier.invoices.history(invoiceID: invoice.id)
        #expect(
            history.entries.map(\.status).reversed() == [
                .deposited, .awaitingFirstValidation, .firstValidated, .madeAvailable,
                .mandated, .paymentInitiated,
            ])
        let details = try await supplier.invoices.details(invoiceID: invoice.id)
        #expect(details.frameworkParties.firstValidationDate != nil)
    }

    @Test("a refused A9 invoice: the supplier names the right validator, then acknowledges a rejection")
    func refusalsAndCorrections() async throws {
        let fake = FakeChorusPro()
        let supplier = try fake.client(as: .supplier)
        let validator = try fake.client(as: .validator)
        let invoice = try await supplier.invoices.submit(
            Self.toOpera(framework: .coContractorInvoice, validator: FakeSeed.validatorSIRET))
        try await fake.markWrongValidator(invoice.id)
        #expect(try await supplier.invoices.history(invoiceID: invoice.id).currentStatus == .wrongValidator)
        let badSIRET = try await #require(throws: ChorusError.self) {
            try await supplier.invoices.correctValidator(invoiceID: invoice.id, validatorSIRET: "123")
        }
        #expect(badSIRET.code == .invalidInput)
        try await supplier.invoices.correctValidator(invoiceID: invoice.id, validatorSIRET: FakeSeed.validatorSIRET)
        #expect(try await supplier.invoices.history(invoiceID: invoice.id).currentStatus == .awaitingFirstValidation)
        let refused = try await validator.validations.refuse(
            invoiceID: invoice.id, reason: "Montant non conforme au marché")
        #expect(refused.status == .firstRefused)
        let history = try await supplier.invoices.history(invoiceID: invoice.id)
        #expect(history.entries.first?.comment == "Montant non conforme au marché" && history.currentStatus.isFinal)
        try await supplier.invoices.acknowledgeRejections(
            invoiceIDs: [invoice.id], reason: "Nouvelle facture envoyée", details: nil)
        // The Swagger's shape (the list alone) unless a reason or details are given.
        let acknowledged = await fake.journal.last { $0.path.hasSuffix("traiterRejet") }?.requestJSON
        guard case .object(let sentKeys)? = acknowledged else {
            Issue.record("traiterRejet sent no JSON object")
            return
        }
        #expect(Set(sentKeys.keys) == ["listeDemandePaiement", "motifRejet"])
        #expect(
            try await supplier.invoices.history(invoiceID: invoice.id).userActions.map(\.code) == ["TRAITEMENT_REJET"])
        #expect(
            try await supplier.invoices.search(InvoiceQuery(invoiceNumber: invoice.number)).items.first?.status
                == .firstRefused)
        let requests = try await supplier.invoices.searchPaymentRequests(
            PaymentRequestQuery(invoiceNumber: invoice.number))
        #expect(requests.map(\.id) == [invoice.id] && requests.first?.status == .firstRefused)
        // statutCourant goes out as the Swagger's list of statuses, and filters.
        let refusedOnes = try await supplier.invoices.searchPaymentRequests(
            PaymentRequestQuery(invoiceNumber: invoice.number, status: .firstRefused))
        let other = try await supplier.invoices.searchPaymentRequests(
            PaymentRequestQuery(invoiceNumber: invoice.number, status: .deposited))
        #expect(refusedOnes.map(\.id) == [invoice.id] && other.isEmpty)
        let sent = await fake.journal.last { $0.path.hasSuffix("rechercher/demandePaiement") }
        #expect(sent?.requestJSON?["statutCourant"] == ["DEPOSEE"])
        let nothing = try await #require(throws: ChorusError.self) {
            try await supplier.invoices.acknowledgeRejections(invoiceIDs: [], reason: nil, details: nil)
        }
        #expect(nothing.code == .invalidInput && nothing.field == "listeDemandePaiement")
    }

    @Test(
        "works invoices through the project manager and the owner, each searching in its role",
        arguments: TransportKind.allCases)
    func worksInvoices(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let supplier = try harness.client(as: .supplier, retry: .default)
        let architect = try harness.client(as: .projectManager, retry: .default)
        let opera = try harness.client(as: .recipient, retry: .default)
        // Nothing yet: the works search's "no result" (20007) is an empty page.
        #expect(try await opera.worksInvoices.search(role: .owner).items.isEmpty)
        let id = await harness.fake.depositWorksInvoice(number: "DM-2026-03")
        #expect(try await supplier.worksInvoices.search(role: .supplier).items.map(\.id) == [id])
        #expect(
            try await architect.worksInvoices.search(role: .projectManager).items.first?.status
                == .awaitingProjectManager)
        #expect(try await opera.worksInvoices.search(role: .owner).items.isEmpty)
        try await harness.fake.advanceWorksInvoice(id, .projectManagerApproves)
        let atOwner = try await opera.worksInvoices.search(role: .owner)
        #expect(atOwner.items.map(\.id) == [id] && atOwner.items.first?.status == .madeAvailableToOwner)
        #expect(atOwner.items.first?.worksType == "PROJET_DECOMPTE_MENSUEL" && atOwner.info.total == 1)
        try await harness.fake.advanceWorksInvoice(id, .ownerTakesUp)
        #expect(try await supplier.worksInvoices.search(role: .supplier).items.first?.status == .takenUpByOwner)
        #expect(try await supplier.worksInvoices.worksTypes().contains("DECOMPTE_GENERAL_DEFINITIF"))
        #expect(try await supplier.worksInvoices.activeStructures().map(\.identifier) == [FakeSeed.supplierSIRET])
        #expect(try await opera.receivedInvoices.activeStructures().map(\.identifier) == [FakeSeed.operaSIRET])
        let frameworks = try await supplier.references.invoicingFrameworks(for: .worksInvoice)
        #expect(frameworks.contains(InvoicingFramework(rawValue: "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR")))
    }

    @Test(
        "the directory downloads as a ZIP and unpacks into structures, services and requirements; SIRET information answers",
        arguments: TransportKind.allCases)
    func directoryAndSIRET(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let client = try harness.client(retry: .default)
        let directory = try await client.structures.recipientDirectory()
        #expect(directory.files.map(\.name) == ["annuaire_destinataires.csv"])
        let opera = try #require(directory.entry(identifier: FakeSeed.operaSIRET))
        #expect(opera.name == "OPERA NATIONAL DE PARIS" && opera.requirement == .serviceCode && opera.isActive == true)
        #expect(
            opera.services.map(\.code) == ["DIRECTION_ACHATS", "FACTURES_PUBLIQUES", "ATELIERS_DECORS", "PRODUCTION"])
        #expect(opera.services.first { $0.code == "PRODUCTION" }?.commitmentRequired == true)
        #expect(opera.services.first { $0.code == "ATELIERS_DECORS" }?.isActive == false)
        #expect(
            directory.entry(identifier: FakeSeed.eitherRequiredSIRET)?.requirement == .serviceCodeOrCommitmentNumber)
        #expect(directory.entry(identifier: FakeSeed.supplierSIRET) == nil, "private companies are not recipients")

        let information = try await client.structures.siretInformation(siret: FakeSeed.supplierSIRET)
        #expect(
            information.name == "ATELIER DUPONT SARL" && information.siren == String(FakeSeed.supplierSIRET.prefix(9)))
        #expect(information.isActive == true && information.establishmentCreationDate == CalendarDate("2001-01-01"))
        let bad = try await #require(throws: ChorusError.self) {
            try await client.structures.siretInformation(siret: "12")
        }
        #expect(bad.code == .invalidInput)
    }
}
