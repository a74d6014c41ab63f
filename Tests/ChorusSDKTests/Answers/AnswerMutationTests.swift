import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// No silent fallback in decoding: every answer shape the SDK knows is read whole, and each field turned into a shape
/// the platform is not known to send (an object where text was, text where an object or a list was) makes the call
/// fail with `decodingFailed` carrying an excerpt — or, for a field the SDK does not read, changes nothing. A mutated
/// answer that decodes into a *different* value would be a silent fallback: the test lists every one it finds.
@Suite("Answers: every known shape decodes, every unknown one is a typed error")
struct AnswerMutationTests {
    /// Where a mutation went and what the caller saw.
    struct Disagreement: CustomStringConvertible {
        let fixture: String, path: String, outcome: String
        var description: String { "\(fixture) | \(path) | \(outcome)" }
    }

    /// Every field of `value` (recursively), each replaced by a shape it does not have.
    static func mutations(of value: JSONValue, at path: String = "") -> [(path: String, answer: JSONValue)] {
        var result: [(String, JSONValue)] = []
        switch value {
        case .object(let members):
            // `null` is "absent" (nothing to mutate); the envelope's `libelle` is only shown to people.
            for (key, member) in members.sorted(by: { $0.key < $1.key })
            where member != .null && !(path.isEmpty && ["codeRetour", "libelle"].contains(key)) {
                let here = path.isEmpty ? key : path + "." + key
                var replaced = members
                replaced[key] = Self.foreignShape(for: member)
                result.append((here, .object(replaced)))
                for (inner, mutated) in mutations(of: member, at: here) {
                    var nested = members
                    nested[key] = mutated
                    result.append((inner, .object(nested)))
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                let here = "\(path)[\(index)]"
                var replaced = elements
                replaced[index] = Self.foreignShape(for: element)
                result.append((here, .array(replaced)))
                for (inner, mutated) in mutations(of: element, at: here) {
                    var nested = elements
                    nested[index] = mutated
                    result.append((inner, .array(nested)))
                }
            }
        default: break
        }
        return result
    }

    /// A shape `value` is never sent in: scalars become an object, objects and lists become text.
    static func foreignShape(for value: JSONValue) -> JSONValue {
        switch value {
        case .object, .array: .string("unexpected")
        default: .object(["unexpected": .array([.int(1)])])
        }
    }

    @Test("each fixture decodes through the public API into the documented values")
    func fixturesDecode() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        for fixture in AnswerFixture.all {
            await fake.inject(
                .status(200, body: fixture.json, headers: ["Content-Type": "application/json"]), on: fixture.path)
            do {
                _ = try await fixture.read(client)
            } catch {
                Issue.record("\(fixture.name) does not decode: \(error)")
            }
        }
        // A few values checked by hand, one per kind of block.
        let history = try await Self.decode(AnswerFixture.all[1], client: client, fake: fake) as? InvoiceHistory
        #expect(history?.entries.map(\.status) == [.deposited] && history?.entryPaging.total == 1)
        let details = try await Self.decode(AnswerFixture.all[3], client: client, fake: fake) as? InvoiceDetails
        #expect(details?.supplier?.bankAccount?.ibanKey == "76" && details?.supplier?.bankAccount?.bic == "AGRIFRPP")
        #expect(
            details?.supplier?.factor?.name == "FACTOR SA"
                && details?.frameworkParties.firstValidator?.identifier == "44100778800019")
        #expect(details?.totals?.globalDiscount == nil, "an absent amount stays absent, never 0")
        #expect(details?.attachments.first?.lineNumber == 1 && details?.mainAttachment?.linkID == 9)
        #expect(details?.recipient?.address?.city == "PARIS" && details?.references?.attachmentsTotalSize == "120.5")
        let report = try await Self.decode(AnswerFixture.all[5], client: client, fake: fake) as? FluxReport
        #expect(
            report?.rejections.count == 1 && report?.technicalErrors.first?.nature == "FORMAT"
                && report?.interfaceCode == "FSO1110A")
        let commitments = try await Self.decode(AnswerFixture.all[8], client: client, fake: fake) as? [Commitment]
        #expect(commitments?.first?.state == "COMMANDE" && commitments?.first?.amount == "1500.5")
        #expect(commitments?.first?.otherFields["idStructureEmettrice"] == "26300004")
    }

    static func decode(_ fixture: AnswerFixture, client: ChorusClient, fake: FakeChorusPro) async throws -> AnyHashable
    {
        await fake.inject(
            .status(200, body: fixture.json, headers: ["Content-Type": "application/json"]), on: fixture.path)
        return try await fixture.read(client)
    }

    /// The wire keys the SDK reads as descriptive: every key quoted on a line that calls `descriptive(…)` in
    /// Sources/ChorusSDK (the generated models and the hand-written readers alike). They are the only fields tolerant
    /// reading may leave out.
    static let descriptiveKeys: Set<String> = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Sources/ChorusSDK")
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var pending = false  // a `descriptive(…) {` whose reading continues on the next line
            for line in text.split(separator: "\n") where pending || line.contains(".descriptive(\"") {
                pending = line.hasSuffix("{")
                for match in line.matches(of: /"([A-Za-z][A-Za-z0-9]*)"/) { keys.insert(String(match.output.1)) }
            }
        }
        return keys
    }()

    @Test(
        "every field of every known answer, mutated into an unknown shape: a typed error, an unchanged value, or (tolerant) a descriptive field or list item left out and reported — never another value",
        arguments: AnswerReadingMode.allCases)
    func mutationsNeverPassSilently(_ mode: AnswerReadingMode) async throws {
        let fake = FakeChorusPro()
        let events = LockedBox<[ChorusLogEvent]>([])
        let client = try fake.client(configure: {
            $0.retryPolicy = .none
            $0.answerReading = mode
            $0.logger = { event in events.withLock { $0.append(event) } }
        })
        #expect(
            Self.descriptiveKeys.contains("designationStructure") && !Self.descriptiveKeys.contains("idStructureCPP"))
        var disagreements: [Disagreement] = []
        var detected = 0
        var kept = 0
        var ignored: [String] = []
        var tolerated: [String: Int] = [:]
        for fixture in AnswerFixture.all {
            guard let answer = JSONValue.parse(Data(fixture.json.utf8)) else {
                Issue.record("\(fixture.name) is not JSON")
                continue
            }
            let baseline = try await Self.decode(fixture, client: client, fake: fake)
            for (path, mutated) in Self.mutations(of: answer) {
                let body = String(decoding: mutated.data, as: UTF8.self)
                await fake.inject(
                    .status(200, body: body, headers: ["Content-Type": "application/json"]), on: fixture.path)
                events.withLock { $0.removeAll() }
                do {
                    let value = try await fixture.read(client)
                    let reports = events.withLock { $0 }.filter { $0.kind == .answerTolerated }.compactMap(\.message)
                    let lastKey = String(path.split(separator: ".").last?.split(separator: "[").first ?? "")
                    if value == baseline && reports.isEmpty {
                        ignored.append("\(fixture.name) | \(path)")
                    } else if "\(value)".contains("\"\(lastKey)\": \"") && "\(value)".contains("unexpected") {
                        // An unknown field kept as its JSON text (commitments, payment requests, works invoices).
                        kept += 1
                    } else if mode == .tolerant,
                        let (kind, where_) = Self.reported(path, in: reports.joined(separator: " "))
                    {
                        // Said, at the field or at an enclosing item or descriptive list: only descriptive fields are left out.
                        let key = String(where_.split(separator: ".").last?.split(separator: "[").first ?? "")
                        if kind == "field left out" && !Self.descriptiveKeys.contains(key) {
                            disagreements.append(
                                Disagreement(
                                    fixture: fixture.name, path: path,
                                    outcome: "a field that is not descriptive was left out: \(reports)"))
                        } else {
                            tolerated[kind, default: 0] += 1
                        }
                    } else {
                        disagreements.append(
                            Disagreement(
                                fixture: fixture.name, path: path,
                                outcome: "decoded into another value without saying so: \(value) \(reports)"))
                    }
                } catch let error as ChorusError where error.code == .decodingFailed {
                    detected += 1
                    if error.responseBody?.isEmpty ?? true {
                        disagreements.append(
                            Disagreement(
                                fixture: fixture.name, path: path, outcome: "decodingFailed without an excerpt"))
                    }
                } catch {
                    disagreements.append(Disagreement(fixture: fixture.name, path: path, outcome: "\(error)"))
                }
            }
        }
        print(
            "answer mutations (\(mode)): \(detected) refused as decodingFailed, \(tolerated) tolerated and reported, \(kept) unknown fields kept, \(ignored.count) on fields the SDK does not read"
        )
        for line in ignored { print("  ignored: \(line)") }
        if !disagreements.isEmpty {
            print(
                "disagreements (fixture | field | what the caller got):\n"
                    + disagreements.map { "  \($0)" }.joined(separator: "\n"))
        }
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) mutations passed silently or wrongly; first: \(disagreements.prefix(5))")
        #expect(ignored.isEmpty, "fields the SDK drops: \(ignored)")
        if mode == .strict {
            #expect(detected > 150 && tolerated.isEmpty, "strict mode tolerates nothing")
        } else {
            #expect(
                (tolerated["field left out"] ?? 0) >= 30 && (tolerated["list item skipped"] ?? 0) >= 4, "\(tolerated)")
            #expect(detected > 40, "identity and decision fields still fail loudly")
        }
    }

    /// The report of a tolerated issue at `path` or at a field or item enclosing it: ("field left out" or "list item
    /// skipped", the path reported), read from the log events' sentences ("The field X was left out (…)").
    static func reported(_ path: String, in text: String) -> (String, String)? {
        for (kind, opening, closing) in [
            ("field left out", "The field ", " was left out"), ("list item skipped", "The list item ", " was skipped"),
        ] {
            var rest = text[...]
            while let start = rest.range(of: opening)?.upperBound,
                let end = rest.range(of: closing, range: start..<rest.endIndex)
            {
                let reportedPath = String(rest[start..<end.lowerBound])
                if path == reportedPath || path.hasPrefix(reportedPath + ".") || path.hasPrefix(reportedPath + "[") {
                    return (kind, reportedPath)
                }
                rest = rest[end.upperBound...]
            }
        }
        return nil
    }
}
