// swift-tools-version:6.0
// A package that uses the document toolkit alone (product ChorusDocuments): it writes and validates a Factur-X
// offline. CI builds it and checks that no module of the network SDK (ChorusSDK, ChorusMock, ChorusSDKCurl) was built.
import PackageDescription

let package = Package(
    name: "DocumentsConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ChorusSDK", path: "../..")],
    targets: [
        .executableTarget(name: "DocumentsConsumer", dependencies: [.product(name: "ChorusDocuments", package: "ChorusSDK")]),
    ],
    swiftLanguageModes: [.v6]
)
