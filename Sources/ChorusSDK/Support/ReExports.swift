// `import ChorusSDK` keeps giving users every type they had before the toolkit became modules of its own:
// the shared values, the document toolkit and the ZIP reader the recipient directory returns.
@_exported import ChorusCompression
@_exported import ChorusCore
@_exported import ChorusDocuments
