import Foundation

/// The innermost stage: sends through the configured transport under the SDK's own per-attempt
/// deadline (whatever the transport does with its timeouts), and maps every failure to a
/// ``ChorusError`` of the matching code.
package struct DeadlineTransport: Sendable {
    package let transport: any Transport
    package let limit: Duration

    package func send(_ request: HTTPRequest, operation: OperationID) async throws -> HTTPResponse {
        let transport = self.transport
        let limit = self.limit
        do {
            if let own = transport.enforcedDeadline, own <= limit {
                return try await transport.send(request)  // the transport's own timer is enough
            }
            return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
                group.addTask { try await transport.send(request) }
                group.addTask {
                    // One timer thread for every attempt (AttemptDeadlines), not a sleeping task each.
                    guard await AttemptDeadlines.shared.expired(after: limit) else { throw CancellationError() }
                    throw TransportError(.timedOut, "no answer within \(limit)")
                }
                defer { group.cancelAll() }
                guard let response = try await group.next() else { throw TransportError(.other, "no result") }
                return response
            }
        } catch let error as TransportError {
            throw ChorusError.transport(error, operation: operation, url: request.url)
        } catch is CancellationError {
            throw ChorusError(.cancelled, operation: operation, message: "the task was cancelled.")
        } catch let error as ChorusError {
            throw error
        } catch {
            throw ChorusError.transport(
                TransportError(.other, "unexpected \(type(of: error))"), operation: operation, url: request.url)
        }
    }
}
