import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// One table decides what a failure means: each code's outcome and transience, from which the retry policy derives.
@Suite("Errors: the outcome of a failure is declared on its code")
struct ErrorOutcomeTests {
    static let codes: [ChorusError.Code] = [
        .invalidInput, .configuration, .portalOnly, .pisteAuthenticationFailed, .technicalAccountAuthenticationFailed,
        .unauthorized, .notSubscribed, .notFound, .badRequest, .payloadTooLarge, .unsupportedMediaType, .rateLimited,
        .serverError, .unexpectedStatus, .rejected, .decodingFailed, .cannotConnect, .connectionLost, .timedOut, .tlsFailure,
        .responseTooLarge, .cancelled, .transport, .waitTimedOut, .recipientNotFound, .recipientInactive, .ambiguousOutcome,
        .paginationRunaway, .middlewareFailed,
    ]

    @Test("the retry policy follows the outcome table: writes only when nothing was done, reads whenever it is transient")
    func retryDerivesFromTheTable() {
        let policy = RetryPolicy()
        var table: [String] = []
        for code in Self.codes {
            for status in code == .serverError ? [500, 501, 503] : [nil] {
                let error = ChorusError(code, operation: .soumettreFacture, message: "x", httpStatus: status)
                let read = policy.isRetryable(error, idempotent: true), write = policy.isRetryable(error, idempotent: false)
                table.append("\(code)\(status.map { " \($0)" } ?? ""): \(code.outcome) transient=\(error.isTransient) read=\(read) write=\(write)")
                #expect(read == error.isTransient, "\(code)")
                #expect(write == (error.isTransient && error.outcome != .unknown), "\(code)")
                // A write is never sent again after a failure whose outcome is unknown.
                if code.outcome == .unknown { #expect(!write, "\(code)") }
            }
        }
        print(table.joined(separator: "\n"))
        #expect(ChorusError.Code.cannotConnect.outcome == .notSent && ChorusError.Code.unauthorized.outcome == .refused)
        #expect([ChorusError.Code.connectionLost, .timedOut, .serverError, .decodingFailed, .rateLimited].allSatisfy { $0.outcome == .unknown })
        #expect(ChorusError.Code(rawValue: "someFutureCode").outcome == .unknown, "an unknown code is assumed to be of unknown outcome")
    }

    struct Throwing: Middleware {
        struct Broken: Error {}
        func intercept(_ request: HTTPRequest, context: RequestContext,
                       next: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse) async throws -> HTTPResponse {
            throw Broken()
        }
    }

    @Test("a middleware's own error reaches the caller as one ChorusError naming the middleware")
    func middlewareErrorsAreWrapped() async throws {
        let client = try mockClient { $0.middlewares = [Throwing()] }
        let error = await #expect(throws: ChorusError.self) { _ = try await client.references.currencies() }
        #expect(error?.code == .middlewareFailed)
        #expect(error?.outcome == .unknown)
        let failure = try #require(error?.underlyingError as? MiddlewareFailure)
        #expect(failure.middleware == "Throwing")
        #expect(error?.description.contains("middleware Throwing failed") == true)
    }
}
