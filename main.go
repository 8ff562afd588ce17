// Command relance is a desktop credit-collection workbench. With no argument (or a
// dossier file) it opens the window; with a subcommand it runs headless:
//
//	relance                      open the GUI on the demo dossier (created on first run)
//	relance FILE.db              open the GUI on a dossier
//	relance customers --db FILE  list customers (see "relance help")
package main

import (
	"os"
	"runtime/debug"
	"strings"

	"relance/cli"
	"relance/ui"
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		attachParentConsole()
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	path := ""
	if len(os.Args) > 1 {
		path = os.Args[1]
		// A word that is neither a command nor a file is a mistyped command: say so,
		// rather than opening a window on a dossier that does not exist.
		if _, err := os.Stat(path); err != nil && !strings.ContainsAny(path, "./\\") {
			attachParentConsole()
			os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
		}
	}
	// The window is a long-running process that keeps a large dossier's open items in
	// memory: the garbage of its background work (the check, the 24 months of the
	// dashboard, read account by account) is collected at half the runtime's default
	// growth, for a resident memory of about 270 MB instead of 290 MB at 1M invoices and
	// a peak of about 335 MB instead of 390 MB (docs/performance.md). GOGC, when set,
	// decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(ui.Run(path))
}
