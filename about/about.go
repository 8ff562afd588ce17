// Package about says which Relance this is: version, dossier schema, licence. The window's
// Help › About and `relance version` both print Line, so they cannot disagree.
package about

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"relance/assets/legal"
	"relance/ledger/store"
)

// Version is the application version, kept equal to FyneApp.toml's (a test checks it).
const Version = "0.1.0"

// Licence is the name of Relance's own licence.
const Licence = legal.Licence

// Line is the one-line identification: "relance 0.1.0 (rev), schema N, go1.x".
func Line() string {
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	return fmt.Sprintf("relance %s%s, schema %d, %s", Version, rev, store.SchemaVersion, runtime.Version())
}

// Notices returns the third-party notices text.
func Notices() string { return legal.Notices() }
