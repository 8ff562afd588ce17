// Package assets holds Relance's embedded data: the application icon, the message
// catalogue (assets/i18n) and, as capabilities land, fonts, rate tables and templates.
package assets

import _ "embed"

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
