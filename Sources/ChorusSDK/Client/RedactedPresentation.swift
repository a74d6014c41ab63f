import Foundation

// What `print`, `dump`, `String(reflecting:)` and `Mirror` show of every SDK value that holds or reaches a
// secret (the client secret, the technical password, the `cpro-account` value, bearer tokens): the
// environment and the redacted credentials, never the values, and a mirror that does not lead to them.
// Values that hold secrets themselves (credentials, tokens, the scrubber, the token cache, the pipeline,
// portal sessions) redact in their own files.

extension ChorusClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The environment, the redacted credentials and the transport.
    public var description: String { "ChorusClient(\(configuration))" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror whose only child is the (redacted) configuration.
    public var customMirror: Mirror { Mirror(self, children: ["configuration": configuration], displayStyle: .struct) }
}

extension ChorusConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The environment's URLs, the redacted credentials and the transport's type.
    public var description: String {
        "environment: \(environment.apiBaseURL.absoluteString), credentials: \(credentials), transport: \(type(of: transport))"
    }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror of the settings, with the credentials redacted (their own mirror) and no closures.
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": environment.apiBaseURL.absoluteString, "credentials": credentials,
                                "transport": "\(type(of: transport))", "retryPolicy.maximumAttempts": retryPolicy.maximumAttempts,
                                "attemptTimeout": attemptTimeout, "middlewares": middlewares.count],
               displayStyle: .struct)
    }
}

/// The description shared by the service clients: which service, on which environment.
private func serviceDescription(_ name: String, _ pipeline: RequestPipeline) -> String {
    "\(name)(\(pipeline.configuration.environment.apiBaseURL.absoluteString), credentials: <redacted>)"
}

extension InvoiceServiceClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The service and its environment; no credentials.
    public var description: String { serviceDescription("InvoiceServiceClient", pipeline) }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror without the pipeline (which holds the credentials and the token).
    public var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}

extension StructureServiceClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The service and its environment; no credentials.
    public var description: String { serviceDescription("StructureServiceClient", pipeline) }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror without the pipeline (which holds the credentials and the token).
    public var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}

extension AccountServiceClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The service and its environment; no credentials.
    public var description: String { serviceDescription("AccountServiceClient", pipeline) }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror without the pipeline (which holds the credentials and the token).
    public var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}

extension ReferenceServiceClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The service and its environment; no credentials.
    public var description: String { serviceDescription("ReferenceServiceClient", pipeline) }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror without the pipeline (which holds the credentials and the token).
    public var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}

extension PortalClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var description: String { "PortalClient(\(environment.apiBaseURL.absoluteString))" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}

extension ResponseClassifier: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var description: String { "ResponseClassifier(scrubber: \(scrubber))" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .struct) }
}
