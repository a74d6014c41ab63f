import ChorusSDK
import Foundation
import Testing

/// Every value the official PISTE Factures Swagger enumerates for a property the SDK types has a named member in the
/// SDK (Documentation/OfficialSources.md; the lists in Fixtures/swagger-enumerations.json are derived from the Swagger
/// by scripts/derive-swagger-enumerations.py, with its commit).
@Suite("Official sources: the Swagger's enumerations are typed values")
struct OfficialEnumerationTests {
    private struct Fixture: Decodable {
        let source: String
        let commit: String
        let types: [String: [String]]
    }

    private static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/swagger-enumerations", withExtension: "json"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The SDK's named members, by type: written out, so that a missing one fails to compile or shows here.
    private static let named: [String: [String]] = [
        "InvoiceStatus":
            ([
                .draft, .awaitingFirstValidation, .wrongValidator, .firstRefused, .firstValidated,
                .firstValidationOverdue,
                .awaitingSecondValidation, .coContractorWrongValidator, .secondRefused, .secondValidated,
                .secondValidationOverdue, .deposited, .supplierWrongProjectManager, .routing, .madeAvailable,
                .toRecycle,
                .suspended, .rejected, .mandated, .paymentInitiated, .booked, .madeAvailableForAccounting, .abandoned,
                .deleted, .associated, .pivotProcessing, .awaitingProjectManager, .refusedByProjectManager,
                .awaitingSupplierRecycling, .projectManagerErrorOnSupplier, .ownerErrorOnSupplier, .readFromPDF,
                .completed,
                .supplierWrongOwner, .projectManagerWrongOwner, .recipientErrorPD, .recipientErrorEA, .serviceDone,
                .nonCompliant, .projectManagerToAssociate, .projectManagerError, .madeAvailableToProjectManager,
                .takenUpByProjectManager, .ownerToAssociate, .ownerError, .refusedByOwner, .supplierToAssociate,
                .refusedBySupplier, .toComplete, .sentToOwner, .acknowledged, .replacedByA22, .duplicatedAfterRefusal,
                .madeAvailableToOwner, .takenUpByOwner, .unknownTechnical,
            ] as [InvoiceStatus]).map(\.rawValue),
        "FluxSyntax":
            ([
                .ubl, .ciiUnversioned, .pesInvoice, .xcbl, .ublMinimal, .ciiMinimalUnversioned, .pesMinimal,
                .chorusMinimal,
                .pdfArchiveUBL, .pdfArchiveCII, .cii, .ciiMinimal, .facturX,
            ] as [FluxSyntax]).map(\.rawValue),
        "InvoicingFramework":
            ([
                .supplierInvoice, .alreadyPaidSupplierInvoice, .courtFeesStatement, .supplierMonthlyStatementDraft,
                .supplierProgressStatement, .supplierValidatedProgressStatement, .supplierFinalStatementDraft,
                .supplierDefinitiveGeneralStatement, .subcontractorInvoice, .subcontractorMonthlyStatementDraft,
                .subcontractorFinalStatementDraft, .coContractorInvoice, .coContractorMonthlyStatementDraft,
                .coContractorFinalStatementDraft, .projectManagerProgressStatement,
                .projectManagerValidatedProgressStatement, .projectManagerGeneralStatementDraft,
                .projectManagerGeneralStatement, .ownerValidatedProgressStatement, .ownerGeneralStatement,
                .energyTaxRefundRequest, .supplierTacitGeneralStatementDraft, .supplierTacitDefinitiveGeneralStatement,
                .projectManagerTacitDefinitiveGeneralStatement, .projectManagerDefinitiveGeneralStatementTacitProcedure,
                .noFramework,
            ] as [InvoicingFramework]).map(\.rawValue),
        "DepositMode":
            ([
                .webEntry, .portalPDF, .ediStructured, .ediMixed, .ediPDFArchive, .portalEntry, .structured,
                .portalPDFUpload, .portalSignedPDFUpload, .pdf, .signedPDF, .edi, .portalUpload, .apiUpload,
                .ediScanning,
            ] as [DepositMode]).map(\.rawValue),
        "InvoiceType": ([.invoice, .creditNote, .downPayment] as [InvoiceType]).map(\.rawValue),
        "PaymentRequestType": ([.invoice, .worksInvoice, .courtFeesStatement, .refundRequest] as [PaymentRequestType])
            .map(\.rawValue),
        "StructureIdentifierType":
            ([.siret, .euOutsideFrance, .outsideEU, .ridet, .tahiti, .other, .privatePerson]
            as [StructureIdentifierType]).map(\.rawValue),
    ]

    @Test("each enumerated value of the Swagger has a named member, and no member names a code the Swagger lacks")
    func everyValueIsNamed() throws {
        let fixture = try Self.fixture()
        var covered = 0
        var total = 0
        for (type, official) in fixture.types.sorted(by: { $0.key < $1.key }) {
            let sdk = Set(Self.named[type] ?? [])
            let missing = Set(official).subtracting(sdk)
            let unknown = sdk.subtracting(official)
            total += official.count
            covered += official.count - missing.count
            print("\(type): \(official.count - missing.count) of \(official.count) Swagger values named")
            #expect(missing.isEmpty, "\(type) lacks \(missing.sorted()) (Swagger \(fixture.commit.prefix(8)))")
            #expect(unknown.isEmpty, "\(type) names codes the Swagger does not have: \(unknown.sorted())")
        }
        print(
            "Swagger enumerations (\(fixture.source) @ \(fixture.commit.prefix(8))): \(covered) of \(total) values named"
        )
        #expect(fixture.types.count == Self.named.count)
    }
}
