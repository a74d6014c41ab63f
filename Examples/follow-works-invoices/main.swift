// Works invoices (factures de travaux), the part of Chorus Pro that stays Chorus-only after the 2026–2027 reform:
// the works types and frameworks, and each party's view of an invoice going through the project manager (MOE) and
// the owner (MOA). The fake plays the MOE's and MOA's steps (their PISTE paths are not published).
// Runs against the built-in fake: swift run follow-works-invoices
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let contractor = example.client
print("works types: \(try await contractor.worksInvoices.worksTypes().joined(separator: ", "))")
print("frameworks: \(try await contractor.references.invoicingFrameworks(for: .worksInvoice).map(\.rawValue).joined(separator: ", "))")

let id = await example.fake.depositWorksInvoice(number: "DM-2026-03", totalExcludingTax: 18_500)
let architect = try example.fake.client(as: .projectManager)
let opera = try example.fake.client(as: .recipient)
func show(_ moment: String) async throws {
    let mine = try await contractor.worksInvoices.search(role: .supplier).items.first { $0.id == id }
    let moe = try await architect.worksInvoices.search(role: .projectManager).items.count
    let moa = try await opera.worksInvoices.search(role: .owner).items.count
    print("\(moment): contractor sees \(mine?.status?.rawValue ?? "-"); MOE has \(moe), MOA has \(moa) invoice(s)")
}
try await show("deposited")
try await example.fake.advanceWorksInvoice(id, .projectManagerApproves)
try await show("after the MOE")
try await example.fake.advanceWorksInvoice(id, .ownerTakesUp)
try await show("after the MOA")
