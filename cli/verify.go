package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
)

// errAltered makes runVerify exit 1 after it has named the altered letters.
type errAltered struct{ n int }

func (e errAltered) Error() string { return strconv.Itoa(e.n) + " altered letters" }

// Localize lets the command line print the verdict in the user's language.
func (e errAltered) Localize(lang string) string {
	return i18n.T(lang, "letters.cli.verify_bad", "count", strconv.Itoa(e.n))
}

// runVerify walks the hash chain of the issued letters and names every letter changed
// after issue (exit 1).
func runVerify(env *Env, args []string) error {
	fs := env.flags("verify")
	path := fs.String("db", "", "dossier file")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path); err != nil {
		return err
	}
	ss, err := desk.OpenRead(*path)
	if err != nil {
		return err
	}
	defer ss.Close()
	rep, err := ss.VerifyArchive()
	if err != nil {
		return err
	}
	if len(rep.Altered) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.verify_ok", "count", strconv.Itoa(rep.Count)))
		if rep.Head != "" {
			fmt.Fprintln(env.Stdout, "head "+rep.Head)
		}
		return nil
	}
	for _, a := range rep.Altered {
		fmt.Fprintln(env.Stdout, a.ID+"\t"+a.Text(env.Lang))
	}
	return errAltered{len(rep.Altered)}
}
