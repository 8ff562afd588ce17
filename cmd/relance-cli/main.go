// Command relance-cli is Relance's command line alone, built for Windows as a console
// program: cmd.exe and PowerShell wait for it, show what it prints and get its exit code
// (%ERRORLEVEL%, $LASTEXITCODE), which relance.exe, a windowed program, cannot give them.
// It takes the same commands as `relance` (relance-cli help) and never opens the window.
//
// On Linux the one `relance` binary does both; this command exists there only so that it
// is built and tested with the rest.
package main

import (
	"os"

	"relance/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
