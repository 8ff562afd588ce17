package cli

import (
	"fmt"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
)

func runDemo(env *Env, args []string) error {
	fs := env.flags("demo")
	out := fs.String("out", "", "dossier file to create")
	today := fs.String("today", "", "the demo's today, YYYY-MM-DD (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("out", *out); err != nil {
		return err
	}
	d, err := env.date("today", *today, env.Today)
	if err != nil {
		return err
	}
	if err := demo.Create(*out, d); err != nil {
		return err
	}
	return summarize(env, *out)
}

func runGen(env *Env, args []string) error {
	fs := env.flags("gen")
	out := fs.String("out", "", "dossier file to create")
	customers := fs.Int("customers", 0, "number of customers")
	items := fs.Int("items", 0, "number of items")
	seed := fs.Uint64("seed", 1, "random seed")
	today := fs.String("today", "", "last day of the history, YYYY-MM-DD (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("out", *out); err != nil {
		return err
	}
	if *customers <= 0 || *items < 0 {
		return &usageError{msg: i18n.T(env.Lang, "cli.gen.size")}
	}
	d, err := env.date("today", *today, env.Today)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := demo.Generate(*out, *customers, *items, *seed, d); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "cli.gen.took", "seconds", strconv.FormatFloat(time.Since(t0).Seconds(), 'f', 1, 64)))
	return summarize(env, *out)
}

// summarize prints what a new dossier holds.
func summarize(env *Env, path string) error {
	ss, err := desk.OpenRead(path)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	var bal int64
	for _, a := range book.Accounts {
		bal += int64(a.Balance())
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cli.created", "file", path, "customers", strconv.Itoa(len(book.Accounts)),
		"items", strconv.Itoa(book.ItemCount()), "balance", ledger.Cents(bal).Format(env.Lang, book.Settings.Currency)))
	return nil
}
