package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters"
)

// The settings commands (salespeople, policy, scenario, settings) share their shape:
// a verb first (the default one when none is given), flags, and for import the file.

// verb splits a command's verb (one of verbs, the first being the default) from its
// arguments.
func verb(args []string, verbs ...string) (string, []string) {
	if len(args) > 0 && slices.Contains(verbs, args[0]) {
		return args[0], args[1:]
	}
	return verbs[0], args
}

// parseArgs parses args with fs, flags before or after the positional arguments,
// which it returns. Flag errors are usage errors.
func (env *Env) parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := env.parse(fs, args, true); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// onlyFlags refuses, as a usage error, a flag given on the command line that verb does
// not take (allowed: the flags it takes, "db" always).
func (env *Env) onlyFlags(fs *flag.FlagSet, verb string, allowed ...string) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "db" && !slices.Contains(allowed, f.Name) {
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) > 0 {
		return &usageError{msg: i18n.T(env.Lang, "admin.cli.flag_not_for", "flag", strings.Join(bad, ", "), "verb", verb)}
	}
	return nil
}

// oneFile is the file an import names: exactly one positional argument.
func (env *Env) oneFile(pos []string) (string, error) {
	switch len(pos) {
	case 1:
		return pos[0], nil
	case 0:
		return "", &usageError{msg: i18n.T(env.Lang, "admin.cli.no_file")}
	}
	return "", &usageError{msg: i18n.T(env.Lang, "cli.extra", "value", strings.Join(pos[1:], " "))}
}

// noFile refuses positional arguments to a verb that takes none.
func (env *Env) noFile(pos []string) error {
	if len(pos) > 0 {
		return &usageError{msg: i18n.T(env.Lang, "cli.extra", "value", strings.Join(pos, " "))}
	}
	return nil
}

// exportFile writes a settings file of the dossier at db with write: to out, replaced
// only once complete, or to the standard output when out is empty.
func (env *Env) exportFile(db, out string, write func(*desk.Session, io.Writer) error) error {
	ss, err := desk.OpenRead(db)
	if err != nil {
		return err
	}
	defer ss.Close()
	if out == "" {
		return write(ss, env.Stdout)
	}
	if err := letters.WriteFile(out, func(w io.Writer) error { return write(ss, w) }); err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.written", "file", out))
	return err
}

// readImport reads the file an import names.
func readImport(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ledger.Problem{Key: "admin.err.file_read", Args: []string{"file", path}, Err: err}
	}
	return data, nil
}
