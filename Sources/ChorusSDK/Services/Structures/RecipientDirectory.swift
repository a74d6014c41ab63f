import Foundation

/// The directory of public recipients, as `telecharger/annuaire/destinataire` gives it (§4.3: `fichierResultat`, a
/// Base64 ZIP), unpacked by ``ZipArchive``.
///
/// The layout of the files inside the ZIP is not documented in any source we have (the reference marks only the
/// ZIP itself). So the SDK keeps every file (``files``) and reads every CSV file that has a header row (`;`, `,` or
/// tab separated, UTF-8 or Latin-1) into ``entries``: one entry per structure, its services gathered from the rows
/// that share its identifier. Columns are recognised by the platform's own field names, compared without case,
/// accents or punctuation (`identifiantStructure`, `raisonSociale`, `codeService`, `numeroEJDoitEtreRenseigne`…, see
/// ``RecipientDirectory/Column``); every column of a row, known or not, stays in ``Entry/fields``. A CSV file
/// without an identifier column is a typed error naming its header — never an empty directory.
public struct RecipientDirectory: Sendable, Hashable {
    /// One public structure of the directory.
    public struct Entry: Sendable, Hashable {
        /// SIRET or other identifier.
        public var identifier: String
        /// Identifier type (`SIRET`…), when given.
        public var identifierType: String?
        /// Name.
        public var name: String?
        /// Whether invoices must carry a service code.
        public var serviceCodeRequired: Bool?
        /// Whether invoices must carry a commitment number.
        public var commitmentRequired: Bool?
        /// Whether invoices must carry a service code or a commitment number.
        public var serviceCodeOrCommitmentRequired: Bool?
        /// Whether the structure is active.
        public var isActive: Bool?
        /// Its services (code, name, active, commitment required).
        public var services: [Service]
        /// Every column of the structure's first row, by header.
        public var fields: [String: String]

        /// Creates a value.
        public init(identifier: String, identifierType: String? = nil, name: String? = nil, serviceCodeRequired: Bool? = nil,
                    commitmentRequired: Bool? = nil, serviceCodeOrCommitmentRequired: Bool? = nil, isActive: Bool? = nil,
                    services: [Service] = [], fields: [String: String] = [:]) {
            self.identifier = identifier
            self.identifierType = identifierType
            self.name = name
            self.serviceCodeRequired = serviceCodeRequired
            self.commitmentRequired = commitmentRequired
            self.serviceCodeOrCommitmentRequired = serviceCodeOrCommitmentRequired
            self.isActive = isActive
            self.services = services
            self.fields = fields
        }

        /// The invoicing requirement the flags describe (as ``StructureDetails/requirement`` reads them).
        public var requirement: InvoicingRequirement {
            InvoicingRequirement(serviceCodeRequired: serviceCodeRequired ?? false, commitmentRequired: commitmentRequired ?? false,
                                 serviceCodeOrCommitment: serviceCodeOrCommitmentRequired ?? false)
        }
    }

    /// One service of a structure.
    public struct Service: Sendable, Hashable {
        /// `codeService`.
        public var code: String
        /// Name.
        public var name: String?
        /// Whether it is active.
        public var isActive: Bool?
        /// Whether invoices to it need a commitment number.
        public var commitmentRequired: Bool?

        /// Creates a value.
        public init(code: String, name: String? = nil, isActive: Bool? = nil, commitmentRequired: Bool? = nil) {
            self.code = code
            self.name = name
            self.isActive = isActive
            self.commitmentRequired = commitmentRequired
        }
    }

    /// The columns the SDK recognises, each with the header names it answers to (normalised: lower case, no accents,
    /// letters and digits only).
    public enum Column: String, CaseIterable, Sendable {
        case identifier, identifierType, name, serviceCodeRequired, commitmentRequired, serviceCodeOrCommitmentRequired, isActive
        case serviceCode, serviceName, serviceActive, serviceCommitmentRequired

        /// The normalised header names of this column.
        public var headers: [String] {
            switch self {
            case .identifier: ["identifiantstructure", "identifiant", "siret", "codedestinataire", "identifiantdestinataire"]
            case .identifierType: ["typeidentifiantstructure", "typeidentifiant"]
            case .name: ["raisonsociale", "raisonsocialestructure", "designationstructure", "libellestructure", "nomdestinataire", "designation"]
            case .serviceCodeRequired: ["codeservicedoitetrerenseigne", "codeserviceobligatoire"]
            case .commitmentRequired: ["numeroejdoitetrerenseigne", "engagementobligatoire", "numeroengagementobligatoire"]
            case .serviceCodeOrCommitmentRequired: ["gestionnumeroejoucodeservice", "engagementoucodeservice"]
            case .isActive: ["estactif", "structureactive", "statutstructure"]
            case .serviceCode: ["codeservice", "codeserviceexecutant"]
            case .serviceName: ["nomservice", "libelleservice", "libelleserviceexecutant"]
            case .serviceActive: ["serviceactif", "estactifservice", "statutservice"]
            case .serviceCommitmentRequired: ["numeroengagement", "serviceengagementobligatoire", "numeroejservice"]
            }
        }
    }

    /// Every file of the ZIP, as unpacked.
    public var files: [ZipArchive.Entry]
    /// The structures read from the CSV files, in order of first appearance.
    public var entries: [Entry]

    /// Creates a value (for stubs and tests).
    public init(files: [ZipArchive.Entry], entries: [Entry]) {
        self.files = files
        self.entries = entries
    }

    /// Reads the directory from the ZIP's bytes.
    public init(zip: Data) throws {
        let archive = try ZipArchive(zip)
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for file in archive.entries where file.name.lowercased().hasSuffix(".csv") {
            let table = try CSVTable(file.data, name: file.name)
            guard let identifierColumn = table.column(for: .identifier) else {
                throw ZipArchive.Failure(description: "\(file.name) has no structure identifier column (header: "
                                         + table.header.joined(separator: ", ") + ")")
            }
            for row in table.rows {
                let identifier = row[identifierColumn].trimmingCharacters(in: .whitespaces)
                guard !identifier.isEmpty else { continue }
                let service = table.text(row, .serviceCode).map {
                    Service(code: $0, name: table.text(row, .serviceName), isActive: table.flag(row, .serviceActive),
                            commitmentRequired: table.flag(row, .serviceCommitmentRequired))
                }
                if let existing = index[identifier] {
                    if let service, !entries[existing].services.contains(service) { entries[existing].services.append(service) }
                    continue
                }
                index[identifier] = entries.count
                entries.append(Entry(
                    identifier: identifier, identifierType: table.text(row, .identifierType), name: table.text(row, .name),
                    serviceCodeRequired: table.flag(row, .serviceCodeRequired), commitmentRequired: table.flag(row, .commitmentRequired),
                    serviceCodeOrCommitmentRequired: table.flag(row, .serviceCodeOrCommitmentRequired), isActive: table.flag(row, .isActive),
                    services: service.map { [$0] } ?? [], fields: Dictionary(Swift.zip(table.header, row), uniquingKeysWith: { first, _ in first })))
            }
        }
        self.files = archive.entries
        self.entries = entries
    }

    /// The structure with this identifier.
    public func entry(identifier: String) -> Entry? { entries.first { $0.identifier == identifier } }
}

/// A CSV file with a header row: the separator is the one of `;`, `,` and tab the header holds most of; quoted fields
/// (`"a;b"`, `""` for a quote) are understood.
struct CSVTable {
    let header: [String]
    let rows: [[String]]
    private let columns: [RecipientDirectory.Column: Int]

    init(_ data: Data, name: String) throws {
        // UTF-8 (with or without BOM), else Latin-1 — the two encodings French exports use.
        var text = String(data: data, encoding: .utf8) ?? String(data.map { Character(Unicode.Scalar($0)) })
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator = [";", ",", "\t"].max { separator, other in
            firstLine.filter { String($0) == separator }.count < firstLine.filter { String($0) == other }.count
        }.flatMap(\.first) ?? ";"
        var records = Self.records(text, separator: separator)
        guard !records.isEmpty else { throw ZipArchive.Failure(description: "\(name) is empty") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        self.header = header
        rows = records.filter { !($0.count == 1 && $0[0].isEmpty) }.map { row in
            row.count >= header.count ? row : row + Array(repeating: "", count: header.count - row.count)
        }
        var columns: [RecipientDirectory.Column: Int] = [:]
        let normalised = header.map(Self.normalise)
        for column in RecipientDirectory.Column.allCases {
            if let position = column.headers.lazy.compactMap({ normalised.firstIndex(of: $0) }).first { columns[column] = position }
        }
        self.columns = columns
    }

    func column(for column: RecipientDirectory.Column) -> Int? { columns[column] }

    func text(_ row: [String], _ column: RecipientDirectory.Column) -> String? {
        guard let position = columns[column], position < row.count else { return nil }
        let value = row[position].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// `OUI`/`NON`, `true`/`false`, `1`/`0`, `ACTIF`/`INACTIF`; anything else is unknown (`nil`).
    func flag(_ row: [String], _ column: RecipientDirectory.Column) -> Bool? {
        switch text(row, column).map(Self.normalise) {
        case "oui", "true", "1", "o", "actif", "active", "yes": true
        case "non", "false", "0", "n", "inactif", "inactive", "no": false
        default: nil
        }
    }

    static func normalise(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Splits `text` into records and fields, honouring quotes.
    static func records(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if quoted {
                if character == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "\"" { field.append("\""); index = next } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                record.append(field); field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(character)
            }
            index = text.index(after: index)
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
