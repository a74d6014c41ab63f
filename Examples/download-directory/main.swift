// The directory of public recipients: downloaded once (a ZIP the SDK unpacks itself), then searched offline for
// what an invoice to each structure must carry; and what INSEE says of a SIRET.
// Runs against the built-in fake: swift run download-directory
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let directory = try await example.client.structures.recipientDirectory()
print("\(directory.entries.count) public structures in \(directory.files.map(\.name).joined(separator: ", "))")
for entry in directory.entries.prefix(4) {
    let services = entry.services.filter { $0.isActive != false }.map(\.code)
    print("  \(entry.identifier) \(entry.name ?? "?"): \(entry.requirement); services \(services.joined(separator: ", "))")
}
let information = try await example.client.structures.siretInformation(siret: FakeSeed.supplierSIRET)
print("INSEE: \(information.name ?? "?"), SIREN \(information.siren ?? "?"), active \(information.isActive.map(String.init) ?? "?")")
