package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters/digest"
	"relance/letters/pdfdoc"
)

func runDigest(env *Env, args []string) error {
	fs := env.flags("digest")
	rf := env.reportFlags(fs)
	who := fs.String("salesperson", "", "salesperson ID or name")
	out := fs.String("out", "", "output file, .pdf or .csv")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("salesperson", *who, "out", *out); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".pdf" && ext != ".csv" {
		return &usageError{msg: i18n.T(env.Lang, "dispute.cli.outext", "value", *out)}
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	sp, err := dispute.FindSalesperson(book, *who)
	if err != nil {
		return err
	}
	dg := ss.Digest(sp, asOf)
	var buf bytes.Buffer
	if ext == ".csv" {
		err = digest.WriteCSV(&buf, &dg, env.Lang)
	} else {
		f := pdfdoc.NewFactory()
		defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
		err = digest.RenderPDF(&buf, book.Settings, &dg, digest.Options{Lang: env.Lang, Factory: f})
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
		return &ledger.Problem{Key: "dispute.cli.writefail", Args: []string{"file", *out}, Err: err}
	}
	env.say("dispute.cli.written", "file", *out)
	return nil
}

// say prints a catalogue message on stdout.
func (env *Env) say(key string, args ...string) {
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, key, args...))
}
