import Foundation
import Testing
@testable import ChorusSDK

@Suite("Money and dates")
struct ModelTests {
    @Test("a floating-point literal is read exactly as written, never as its binary approximation")
    func floatLiterals() {
        #expect(Amount(3.133) == "3.133" && Amount(4.99).description == "4.99")
        let rate: Amount = 0.1
        #expect(rate == "0.1" && rate * 3 == "0.3")
        #expect(Decimal(3.133) != Amount(3.133).value, "Decimal's own float literal is inexact; the Amount is not")
        #expect(Amount(1234567.89) == "1234567.89")
    }

    struct Wrapper: Codable, Equatable { var amount: Amount }

    @Test("Amount round-trips through JSON exactly", arguments: ["0.1", "4.99", "19.999999", "1041.07", "79228162514264337593543950335", "-12.5", "0"])
    func amountRoundTrip(_ text: String) throws {
        let amount = try #require(Amount(text))
        let json = try JSONEncoder().encode(Wrapper(amount: amount))
        #expect(String(decoding: json, as: UTF8.self) == #"{"amount":\#(text)}"#)
        let back = try JSONDecoder().decode(Wrapper.self, from: json)
        #expect(back.amount == amount)
        #expect(back.amount.description == text)
    }

    @Test("Amount decodes JSON strings as well as numbers")
    func amountFromString() throws {
        let fromString = try JSONDecoder().decode(Wrapper.self, from: Data(#"{"amount":"1041.07"}"#.utf8))
        let fromNumber = try JSONDecoder().decode(Wrapper.self, from: Data(#"{"amount":1041.07}"#.utf8))
        #expect(fromString == fromNumber)
        #expect(fromString.amount.minorUnits() == 104_107)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Wrapper.self, from: Data(#"{"amount":"12,5"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Wrapper.self, from: Data(#"{"amount":true}"#.utf8)) }
    }

    @Test("Amount parsing refuses what is not a plain decimal", arguments: ["", "-", "1.", ".5", "1,5", "1e3", " 1", "NaN", "1.2.3", "١٢"])
    func amountRejects(_ text: String) {
        #expect(Amount(text) == nil)
    }

    @Test("Amount constructors, rounding and formatting")
    func amountArithmetic() throws {
        #expect(Amount(minorUnits: 1234) == "12.34")
        #expect(Amount(minorUnits: -5) == "-0.05")
        #expect(("432" as Amount) * "0.021" == "9.072")
        #expect((("432" as Amount) * "0.021").rounded() == "9.07")
        #expect(("2.345" as Amount).rounded() == "2.35")
        #expect(("-2.345" as Amount).rounded() == "-2.35")  // half away from zero
        #expect(("100" as Amount).formatted() == "100.00")
        #expect(("4.9" as Amount).formatted() == "4.90")
        #expect(("19.999" as Amount).decimalPlaces == 3)
        #expect(("4.90" as Amount).decimalPlaces == 1)
        #expect(Amount(42) + "0.5" - "0.25" == "42.25")
    }

    @Test("CalendarDate parses yyyy-MM-dd and refuses days that do not exist")
    func calendarDates() throws {
        let date = try #require(CalendarDate("2024-02-29"))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.description == "2024-02-29")
        for bad in ["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-01", "2025/01/01", "2025-01-01x", "", "abcd-ef-gh"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        #expect(CalendarDate("2025-01-31")?.adding(days: 1) == CalendarDate("2025-02-01"))
        #expect(try #require(CalendarDate("2025-01-31")) < (try #require(CalendarDate("2025-02-01"))))
    }

    @Test("CalendarDate JSON keeps the day, and reads the date part of timestamps")
    func calendarDateJSON() throws {
        struct Holder: Codable { var date: CalendarDate }
        let encoded = try JSONEncoder().encode(Holder(date: try #require(CalendarDate("2026-04-03"))))
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"date":"2026-04-03"}"#)
        for text in ["2018-04-19 11:08", "2019-03-27T11:12:24.777+01:00"] {
            let decoded = try JSONDecoder().decode(Holder.self, from: Data(#"{"date":"\#(text)"}"#.utf8))
            #expect(decoded.date.description == String(text.prefix(10)))
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: Data(#"{"date":"2018-02-30"}"#.utf8)) }
    }

    @Test("a date is the day in Paris, not in UTC")
    func parisDay() {
        let lateEvening = Date(timeIntervalSince1970: 1_767_222_000)  // 2025-12-31 23:00 UTC = 2026-01-01 00:00 Paris
        #expect(CalendarDate(lateEvening).description == "2026-01-01")
        #expect(CalendarDate(lateEvening, in: .gmt).description == "2025-12-31")
    }

    @Test("open enumerations keep unknown codes")
    func openEnumerations() throws {
        let decoded = try JSONDecoder().decode([PaymentMode].self, from: Data(#"["VIREMENT","CRYPTO"]"#.utf8))
        #expect(decoded == [.transfer, PaymentMode(rawValue: "CRYPTO")])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["VIREMENT","CRYPTO"]"#)
        #expect(InvoicingFramework.subcontractorInvoice.requiresValidator)
        #expect(!InvoicingFramework.supplierInvoice.requiresValidator)
    }

    @Test("headers compare names case-insensitively and keep their order")
    func headers() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "X-A": "1"]
        #expect(headers["content-type"] == "application/json")
        headers["CONTENT-TYPE"] = "text/plain"
        #expect(headers.map(\.name) == ["CONTENT-TYPE", "X-A"])
        headers.append(name: "x-a", value: "2")
        #expect(headers.values(for: "X-A") == ["1", "2"])
        headers["x-a"] = nil
        #expect(headers.count == 1)
    }
}

@Suite("Pagination")
struct PaginationTests {
    static func page(_ number: Int, of pages: Int?, size: Int = 2, items: Int = 2) -> Page<Int> {
        Page(items: Array(0..<items).map { number * 100 + $0 }, info: PageInfo(pageSize: size, currentPage: number, pageCount: pages))
    }

    @Test("stops at the last page announced by `pages`")
    func stopsAtPageCount() async throws {
        let calls = LockedBox([Int]())
        let sequence = PageSequence<Int>(operation: .rechercherStructure, pageSize: 2) { number in
            calls.withLock { $0.append(number) }
            return Self.page(number, of: 3)
        }
        let items = try await sequence.items.collect()
        #expect(items == [100, 101, 200, 201, 300, 301])
        #expect(calls.withLock { $0 } == [1, 2, 3])
    }

    @Test("stops on an empty page, a short page without `pages`, or a repeated page")
    func stopsOnEmptyShortRepeated() async throws {
        let empty = PageSequence<Int>(operation: .rechercherStructure, pageSize: 2) { number in
            number == 1 ? Self.page(1, of: nil) : Self.page(number, of: nil, items: 0)
        }
        #expect(try await empty.items.collect() == [100, 101])

        let short = PageSequence<Int>(operation: .rechercherStructure, pageSize: 2) { number in
            Self.page(number, of: nil, items: number == 2 ? 1 : 2)
        }
        #expect(try await short.items.collect() == [100, 101, 200])

        let repeated = PageSequence<Int>(operation: .rechercherStructure, pageSize: 2) { _ in Self.page(1, of: 50) }
        #expect(try await repeated.items.collect() == [100, 101])
    }

    @Test("a server that never stops hits the runaway guard")
    func runawayGuard() async throws {
        let endless = PageSequence<Int>(operation: .rechercherStructure, pageSize: 2, maximumPages: 5) { number in
            Self.page(number, of: nil)
        }
        let error = await #expect(throws: ChorusError.self) { _ = try await endless.items.collect() }
        #expect(error?.message.contains("5 pages") == true)
        #expect(error?.code == .paginationRunaway && error?.outcome == .notSent)
    }

    @Test("page information is read from parametresRetour or from the top level")
    func pageInfoStyles() throws {
        let nested = try JSONDecoder().decode(PageInfo.self, from: Data(#"{"parametresRetour":{"nbResultatsParPage":10,"pageCourante":2,"pages":22,"total":218}}"#.utf8))
        let flat = try JSONDecoder().decode(PageInfo.self, from: Data(#"{"nbResultatsParPage":"10","pageCourante":2,"pages":22,"total":218}"#.utf8))
        #expect(nested == flat)
        #expect(nested == PageInfo(pageSize: 10, currentPage: 2, pageCount: 22, total: 218))
    }
}
