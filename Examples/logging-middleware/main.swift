// Add a logging middleware: it sees every call once (outside the retries), never the credentials; the logger
// hook hears each attempt, retry and token. Runs against the built-in fake with one injected 503.
// swift run logging-middleware
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

struct RequestLogger: Middleware {
    func intercept(_ request: HTTPRequest, context: RequestContext,
                   next: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            print("[log] \(context.operation) → HTTP \(response.status) in \(ContinuousClock.now - started)")
            return response
        } catch let error as ChorusError {
            print("[log] \(context.operation) failed: \(error.code)")
            throw error
        }
    }
}

let example = try ExampleFake { configuration in
    configuration.middlewares = [RequestLogger()]
    configuration.logger = { event in print("[event] \(event)") }
    configuration.retryPolicy = RetryPolicy(baseDelay: .milliseconds(10))
}
await example.fake.inject(.status(503, retryAfter: 0), on: "/cpro/transverses/v1/recuperer/devises")
let currencies = try await example.client.references.currencies()
print("\(currencies.count) currencies, after one retry")
