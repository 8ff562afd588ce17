package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"relance/ledger"
	"relance/ledger/store"
)

// Version is the application version, kept equal to FyneApp.toml's (a test checks it).
const Version = "0.1.0"

func runVersion(env *Env, args []string) error {
	fs := env.flags("version")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(env.Stdout, "relance %s%s, schema %d, %s\n", Version, rev, store.SchemaVersion, runtime.Version())
	return nil
}

func centsString(c int64) string { return ledger.Cents(c).String() }
