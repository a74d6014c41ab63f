/// Where a page sits among all results (`parametresRetour`, or the same four fields at the top level
/// of some answers — both styles of §3.2 are read).
public struct PageInfo: Sendable, Hashable, Decodable {
    /// Results per page (`nbResultatsParPage`).
    public var pageSize: Int?
    /// This page's number, 1-based (`pageCourante`).
    public var currentPage: Int?
    /// Number of pages (`pages`).
    public var pageCount: Int?
    /// Number of results in all (`total`).
    public var total: Int?

    /// Creates page information.
    public init(pageSize: Int? = nil, currentPage: Int? = nil, pageCount: Int? = nil, total: Int? = nil) {
        self.pageSize = pageSize
        self.currentPage = currentPage
        self.pageCount = pageCount
        self.total = total
    }

    /// Reads `parametresRetour` when present, else the top-level fields.
    public init(from decoder: any Decoder) throws {
        let root = try AnswerObject(decoder)
        let block = try root.object("parametresRetour") ?? root
        pageSize = try block.int("nbResultatsParPage")
        currentPage = try block.int("pageCourante")
        pageCount = try block.int("pages")
        total = try block.int("total")
    }
}

/// One page of results.
public struct Page<Item: Sendable>: Sendable {
    /// The results on this page.
    public var items: [Item]
    /// Where the page sits.
    public var info: PageInfo
    /// What the SDK read past on this page (``AnswerReadingMode/tolerant``): items it skipped because they could not
    /// be read, descriptive fields it left out. A search that finds nothing on a page with skipped items has not
    /// shown that nothing matches.
    public var issues: [DecodingIssue]

    /// Creates a page.
    public init(items: [Item], info: PageInfo, issues: [DecodingIssue] = []) {
        self.items = items
        self.info = info
        self.issues = issues
    }

    /// How many items of this page were skipped as unreadable.
    public var skippedItemCount: Int { issues.filter { $0.consequence == .itemSkipped }.count }
}

/// How to ask for one page (`nbResultatsParPage`, `pageResultatDemandee`, `triColonne`, `triSens`);
/// each operation nests it under its own key.
public struct PageRequest: Sendable, Hashable, Encodable {
    /// Sort direction (`triSens`).
    public enum SortDirection: String, Sendable, Hashable, Encodable {
        /// `Ascendant`.
        case ascending = "Ascendant"
        /// `Descendant`.
        case descending = "Descendant"
    }

    /// Results per page (`nbResultatsParPage`), 1–1000: another value is refused with `invalidInput` before sending.
    public var pageSize: Int
    /// The page wanted, 1-based (`pageResultatDemandee`): 0 or less is refused with `invalidInput` before sending.
    public var page: Int
    /// Sort column (`triColonne`), operation-specific.
    public var sortColumn: String?
    /// Sort direction (`triSens`).
    public var sortDirection: SortDirection?

    /// Creates a page request.
    public init(pageSize: Int = 100, page: Int = 1, sortColumn: String? = nil, sortDirection: SortDirection? = nil) {
        self.pageSize = pageSize
        self.page = page
        self.sortColumn = sortColumn
        self.sortDirection = sortDirection
    }

    private enum CodingKeys: String, CodingKey {
        case pageSize = "nbResultatsParPage", page = "pageResultatDemandee"
        case sortColumn = "triColonne", sortDirection = "triSens"
    }

    /// Encodes the page request; every search encodes one before anything is sent, so the bounds are checked here once.
    public func encode(to encoder: any Encoder) throws {
        var problems: [ValidationProblem] = []
        if !InputLimits.pageSizes.contains(pageSize) {
            problems.append(ValidationProblem(field: "nbResultatsParPage", rule: "page.size", message: "1 to 1000 results per page (\(pageSize) given)"))
        }
        if page < 1 {
            problems.append(ValidationProblem(field: "pageResultatDemandee", rule: "page.number", message: "pages count from 1 (\(page) given)"))
        }
        if let sortColumn { problems += InputLimits.textProblems(sortColumn, field: "triColonne") }
        if !problems.isEmpty { throw ChorusError.invalid(.validationLocale, problems) }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pageSize, forKey: .pageSize)
        try container.encode(page, forKey: .page)
        try container.encodeIfPresent(sortColumn, forKey: .sortColumn)
        try container.encodeIfPresent(sortDirection, forKey: .sortDirection)
    }
}
