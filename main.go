// Command relance is a desktop credit-collection workbench. With no argument (or a
// dossier file) it opens the window; with a subcommand it runs headless:
//
//	relance                      open the GUI on the demo dossier (created on first run)
//	relance FILE.db              open the GUI on a dossier
//	relance customers --db FILE  list customers (see "relance help")
package main

import (
	"os"
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
	os.Exit(ui.Run(path))
}
