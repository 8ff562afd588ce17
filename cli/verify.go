package cli

import (
	"fmt"
	"os"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters/archive"
)

// errAltered makes runVerify exit 1 after it has named the altered letters.
type errAltered struct{ n int }

func (e errAltered) Error() string { return strconv.Itoa(e.n) + " altered letters" }

// Localize lets the command line print the verdict in the user's language.
func (e errAltered) Localize(lang string) string {
	return i18n.T(lang, i18n.N(lang, "letters.cli.verify_bad", e.n), "count", strconv.Itoa(e.n))
}

// runVerify walks the hash chain of the issued letters and names every letter changed
// after issue or removed, against the anchored head (exit 1). With --head it prints the
// head to keep outside the dossier; with --against it checks the dossier against a
// head saved earlier.
func runVerify(env *Env, args []string) error {
	fs := env.flags("verify")
	path := fs.String("db", "", "dossier file")
	head := fs.Bool("head", false, "print the archive's head (count, last letter, its hash) to keep outside the dossier")
	against := fs.String("against", "", "a head saved with --head: check that no letter was dropped or altered since")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path); err != nil {
		return err
	}
	var saved archive.Head
	if *against != "" {
		data, err := os.ReadFile(*against)
		if err != nil {
			return &ledger.Problem{Key: "archive2.err.headread", Args: []string{"file", *against}, Err: err}
		}
		if saved, err = archive.ParseHead(data); err != nil {
			return err
		}
	}
	ss, err := desk.OpenRead(*path)
	if err != nil {
		return err
	}
	defer ss.Close()
	if *head {
		h, err := ss.ArchiveHead()
		if err != nil {
			return err
		}
		printHead(env, h)
		return nil
	}
	rep, err := ss.VerifyArchive()
	if err != nil {
		return err
	}
	if rep.HeadBuilt {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "archive2.head.built"))
	}
	bad := rep.Altered
	if *against != "" {
		diff, err := ss.VerifyArchiveAgainst(saved)
		if err != nil {
			return err
		}
		if len(diff) == 0 {
			fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "archive2.against.ok", "id", saved.ID, "count", strconv.Itoa(saved.Count)))
		} else {
			fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "archive2.against.bad", "count", strconv.Itoa(len(diff))))
			bad = append(bad, diff...)
		}
	}
	if len(bad) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, i18n.N(env.Lang, "letters.cli.verify_ok", rep.Count), "count", strconv.Itoa(rep.Count)))
		if rep.Head != "" {
			fmt.Fprintln(env.Stdout, "head "+rep.Head)
		}
		return nil
	}
	for _, a := range bad {
		fmt.Fprintln(env.Stdout, a.ID+"\t"+a.Text(env.Lang))
	}
	return errAltered{len(bad)}
}

// printHead prints the archive's head in words, then as JSON (the line that
// `verify --against` reads back).
func printHead(env *Env, h archive.Head) {
	fmt.Fprintln(env.Stdout, h.Text(env.Lang))
	if h.Built {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "archive2.head.built"))
	}
	fmt.Fprintln(env.Stdout, h.JSON())
}
