package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
)

// runCheck checks a dossier's integrity and reports in plain words; exit 1 when a
// problem is found.
func runCheck(env *Env, args []string) error {
	fs := env.flags("check")
	dbPath := fs.String("db", "", "dossier file")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath); err != nil {
		return err
	}
	rep, err := desk.CheckFile(*dbPath)
	if err != nil {
		return err
	}
	l := env.Lang
	fmt.Fprintln(env.Stdout, i18n.T(l, "maint.check.summary", "file", *dbPath, "schema", strconv.FormatUint(rep.Schema, 10),
		"revision", strconv.FormatUint(rep.Revision, 10), "customers", strconv.Itoa(rep.Customers), "items", strconv.Itoa(rep.Items)))
	if rep.OK() {
		fmt.Fprintln(env.Stdout, i18n.T(l, "maint.check.ok"))
		return nil
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(env.Stdout, "  - "+p.Localize(l))
	}
	return &ledger.Problem{Key: "maint.check.failed", Args: []string{"file", *dbPath, "n", strconv.Itoa(len(rep.Problems))}}
}

// runBackup writes a consistent copy of a dossier (it may be open elsewhere read-only).
func runBackup(env *Env, args []string) error {
	fs := env.flags("backup")
	dbPath := fs.String("db", "", "dossier file")
	out := fs.String("out", "", "backup file to write")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range [][2]string{{"db", *dbPath}, {"out", *out}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	if err := desk.BackupFile(*dbPath, *out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "maint.backup.done", "file", *out))
	return nil
}

// runRestore replaces a dossier with a backup, refusing to lose a newer state, or
// letters issued since the backup (it lists them), without --force.
func runRestore(env *Env, args []string) error {
	fs := env.flags("restore")
	from := fs.String("from", "", "backup file")
	dbPath := fs.String("db", "", "dossier file to replace (or create)")
	force := fs.Bool("force", false, "replace even a dossier newer than the backup")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range [][2]string{{"from", *from}, {"db", *dbPath}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	// The letters issued since the backup would leave the archive: name them, and
	// restore only with --force.
	pre, err := desk.PreviewRestore(*from, *dbPath)
	if err != nil {
		return err
	}
	if len(pre.Dropped) > 0 {
		out := env.Stdout
		if !*force {
			out = env.Stderr
		}
		fmt.Fprintln(out, pre.Intro(env.Lang))
		for _, l := range pre.Lines(env.Lang) {
			fmt.Fprintln(out, "  - "+l)
		}
		if !*force {
			return pre.Refusal()
		}
	}
	if err := desk.RestoreFile(*from, *dbPath, *force); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "maint.restore.done", "file", *dbPath, "from", *from))
	return nil
}
