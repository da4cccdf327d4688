// What `import Stepwise` brings besides this module's own public API (docs/library.md, "Modules"): the JSON value
// every signature takes and returns, and the two errors a program meets first — `StatesError`, which a handler
// throws, and `DefinitionError`, which parsing a definition throws. Nothing else of `StatesLanguage` is public.
@_exported import JSON
@_exported import struct StatesLanguage.DefinitionError
@_exported import struct StatesLanguage.StatesError
