import ChorusSDK
import Testing

/// One test per row of the DGFiP Chorus Pro specification's lifecycle tables (v1.1 of 2026-04-30, summarised in
/// Documentation/OfficialSources.md): what Chorus Pro sends for each of its statuses, per channel.
@Suite("Official sources: the reform's lifecycle, per channel, row by row")
struct ReformLifecycleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let status: InvoiceStatus
        let channel: ReformChannel
        let framework: InvoicingFramework?
        let expected: Int?
        let source: String
        var testDescription: String {
            "\(source): \(status) on \(channel)\(framework.map { " (\($0))" } ?? "") → \(expected.map(String.init) ?? "none")"
        }
    }

    static let rows: [Row] = [
        // Table 8, nominal case, through an accredited platform.
        Row(status: .deposited, channel: .accreditedPlatform, framework: nil, expected: 202, source: "table 8"),
        Row(status: .madeAvailable, channel: .accreditedPlatform, framework: nil, expected: 203, source: "table 8"),
        Row(status: .suspended, channel: .accreditedPlatform, framework: nil, expected: 208, source: "table 8"),
        Row(status: .rejected, channel: .accreditedPlatform, framework: nil, expected: 210, source: "table 8"),
        Row(status: .serviceDone, channel: .accreditedPlatform, framework: nil, expected: 204, source: "table 8"),
        Row(status: .mandated, channel: .accreditedPlatform, framework: nil, expected: 204, source: "table 8"),
        Row(
            status: .madeAvailableForAccounting, channel: .accreditedPlatform, framework: nil, expected: 204,
            source: "table 8"),
        Row(status: .booked, channel: .accreditedPlatform, framework: nil, expected: 204, source: "table 8"),
        Row(status: .paymentInitiated, channel: .accreditedPlatform, framework: nil, expected: 211, source: "table 8"),
        // Tables 9 and 10, frame A9 (co-contractor validator, or the prime contractor).
        Row(
            status: .firstValidated, channel: .accreditedPlatform, framework: .subcontractorInvoice, expected: 205,
            source: "tables 9–10"),
        Row(
            status: .secondValidated, channel: .accreditedPlatform, framework: .subcontractorInvoice, expected: 205,
            source: "table 9"),
        Row(
            status: .firstRefused, channel: .accreditedPlatform, framework: .subcontractorInvoice, expected: 206,
            source: "tables 9–10"),
        Row(
            status: .secondRefused, channel: .accreditedPlatform, framework: .subcontractorInvoice, expected: 206,
            source: "table 9"),
        // Table 11, frame A12.
        Row(
            status: .firstValidated, channel: .accreditedPlatform, framework: .coContractorInvoice, expected: 214,
            source: "table 11"),
        Row(
            status: .firstRefused, channel: .accreditedPlatform, framework: .coContractorInvoice, expected: 210,
            source: "table 11"),
        // A validator's decision without its frame is unknown, never guessed.
        Row(
            status: .firstValidated, channel: .accreditedPlatform, framework: nil, expected: nil, source: "tables 9–11"),
        // §2.4.2: recycling is retired; an EDI "à recycler" becomes Refusée on the platform channel.
        Row(status: .toRecycle, channel: .accreditedPlatform, framework: nil, expected: 210, source: "§2.4.2"),
        // §3.5.2, the historical channel: Chorus Pro itself says Déposée and Encaissée, and forwards Refusée.
        Row(status: .deposited, channel: .direct, framework: nil, expected: 200, source: "§3.5.2"),
        Row(status: .paymentInitiated, channel: .direct, framework: nil, expected: 212, source: "§3.5.2"),
        Row(status: .rejected, channel: .direct, framework: nil, expected: 210, source: "§3.5.2"),
        Row(status: .toRecycle, channel: .direct, framework: nil, expected: 210, source: "§2.4.2"),
        Row(status: .serviceDone, channel: .direct, framework: nil, expected: nil, source: "§3.5.2"),
        Row(status: .routing, channel: .accreditedPlatform, framework: nil, expected: nil, source: "table 8"),
    ]

    @Test("each row", arguments: rows)
    func row(_ row: Row) {
        #expect(row.status.reformStatus(on: row.channel, framework: row.framework)?.code == row.expected)
    }
}
