package cli

import (
	"fmt"

	"relance/about"
	"relance/assets/i18n"
)

// Version is the application version, kept equal to FyneApp.toml's (a test checks it).
const Version = about.Version

// runVersion prints about.Line (the same line as the window's Help › About); with
// --licences it prints Relance's licence and the third-party notices instead.
func runVersion(env *Env, args []string) error {
	fs := env.flags("version")
	licences := fs.Bool("licences", false, i18n.T(env.Lang, "about.cli.licences"))
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if *licences {
		_, err := fmt.Fprintf(env.Stdout, "%s\n\n%s", i18n.T(env.Lang, "about.cli.licence", "licence", about.Licence), about.Notices())
		return err
	}
	fmt.Fprintln(env.Stdout, about.Line())
	return nil
}
