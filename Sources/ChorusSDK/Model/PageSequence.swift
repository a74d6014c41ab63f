/// All pages of a search, fetched one at a time as the sequence is iterated.
///
/// Stops when a page comes back empty, when `pageCourante ≥ pages`, when a page without `pages` is
/// shorter than the page size, or when the server answers the same page number twice. A guard
/// (``maximumPages``) ends runaway loops with an error instead of iterating forever.
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    /// Each element is one page.
    public typealias Element = Page<Item>

    /// Fetches page `n` (1-based).
    public typealias Fetch = @Sendable (_ page: Int) async throws -> Page<Item>

    private let fetch: Fetch
    private let pageSize: Int
    /// Most pages fetched before the sequence fails with ``ChorusError/Code/paginationRunaway``.
    public let maximumPages: Int
    private let operation: OperationID

    /// Creates a sequence from a page fetcher.
    public init(operation: OperationID, pageSize: Int, maximumPages: Int = 10_000, fetch: @escaping Fetch) {
        self.operation = operation
        self.fetch = fetch
        self.pageSize = pageSize
        self.maximumPages = maximumPages
    }

    /// The pages' items, flattened.
    public var items: PageItems<Item> { PageItems(pages: self) }

    /// Collects every item (for small result sets).
    public func collect() async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all += page.items }
        return all
    }

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }

    /// Iterates over pages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var nextPage = 1
        var finished = false
        var lastServedPage: Int?

        /// The next page, or `nil` at the end.
        public mutating func next() async throws -> Page<Item>? {
            guard !finished else { return nil }
            guard nextPage <= sequence.maximumPages else {
                finished = true
                throw ChorusError(.paginationRunaway, operation: sequence.operation,
                                  message: "pagination went past \(sequence.maximumPages) pages; stopped to avoid a runaway loop")
            }
            try Task.checkCancellation()
            let page = try await sequence.fetch(nextPage)
            let served = page.info.currentPage ?? nextPage
            if (page.items.isEmpty && page.skippedItemCount == 0) || served == lastServedPage || served < nextPage {
                finished = true  // empty, repeated or going backwards: nothing new to serve
                return nil
            }
            lastServedPage = served
            nextPage = served + 1
            if let pageCount = page.info.pageCount {
                finished = served >= pageCount
            } else {
                finished = page.items.count + page.skippedItemCount < (page.info.pageSize ?? sequence.pageSize)
            }
            return page
        }
    }
}

/// The items of a ``PageSequence``, one at a time.
public struct PageItems<Item: Sendable>: AsyncSequence, Sendable {
    /// One result.
    public typealias Element = Item
    let pages: PageSequence<Item>

    /// Collects every item.
    public func collect() async throws -> [Item] { try await pages.collect() }

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: pages.makeAsyncIterator()) }

    /// Iterates over items.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Item>.AsyncIterator
        var buffer: [Item] = []
        var index = 0

        /// The next item, or `nil` at the end.
        public mutating func next() async throws -> Item? {
            while index >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.items
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
