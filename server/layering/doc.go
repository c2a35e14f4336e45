// Package layering holds no code: its test checks the import rules the
// packages' docs state, so that the request path keeps reading top to
// bottom — handler → engine → index — with no call back up, and no engine
// learns of gRPC.
package layering
