package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters"
	"relance/letters/check"
	"relance/letters/exercise"
)

// runExercises is `relance exercises list|add|delete|export|import`: the trainer's
// exercise bank (desk.Session.Exercises, SaveExercise, DeleteExercise,
// ExportExercises, ImportExercises — the Correction screen's « Banque » does the same).
func runExercises(env *Env, args []string) error {
	verbs := "list, add, delete, export, import"
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "exercise.cli.verb", "verbs", verbs)}
	}
	fs := env.flags("exercises " + args[0])
	switch args[0] {
	case "list":
		rf := env.reportFlags(fs, "table", "json")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		_, ss, err := env.openReport(rf)
		if err != nil {
			return err
		}
		defer ss.Close()
		all, err := ss.Exercises()
		if err != nil {
			return err
		}
		if rf.Format() == "json" {
			return writeJSON(env, all)
		}
		if len(all) == 0 {
			env.say("exercise.cli.empty_bank")
			return nil
		}
		l := env.Lang
		t := func(k string) string { return i18n.T(l, "exercise.col."+k) }
		tab := newTable(t("id"), t("title"), t("stage"), t("audience"), t("lang"), t("expected"))
		for _, e := range all {
			exp := strings.Join(e.Expected, ", ")
			if exp == "" {
				exp = i18n.T(l, "exercise.expected.any")
			}
			tab.add(e.ID, e.Title, check.StageLabel(l, e.Stage), check.AudienceLabel(l, e.Audience), strings.ToUpper(e.Lang), exp)
		}
		return tab.write(env.Stdout)
	case "add":
		common := env.disputeCommon(fs)
		title := fs.String("title", "", "the exercise's title (default: the file's name)")
		stage := fs.String("stage", "", "pre|r1|r2|r3|med|conf")
		aud := fs.String("audience", "b2b", "b2b|b2c|public")
		lang := fs.String("lang", "fr", "fr|en")
		expected := fs.String("expected", "", "the checker's rule IDs the trainee must find, comma-separated (default: whatever the checker finds)")
		if err := env.parse(fs, args[1:], true); err != nil {
			return err
		}
		path, day, by, err := common()
		if err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return env.required("FILE", "")
		}
		if err := env.required("stage", *stage); err != nil {
			return err
		}
		text, err := readLetterFile(fs.Arg(0))
		if err != nil {
			return err
		}
		st, ok := check.ParseStage(*stage)
		if !ok {
			return &ledger.Problem{Key: "exercise.err.field", Args: []string{"field", "stage", "value", *stage}}
		}
		au, ok := exercise.ParseAudience(*aud)
		if !ok {
			return &ledger.Problem{Key: "exercise.err.field", Args: []string{"field", "audience", "value", *aud}}
		}
		e := exercise.Exercise{Title: *title, Stage: st, Audience: au, Lang: *lang, Text: text, Source: filepath.Base(fs.Arg(0)), Added: day}
		if e.Title == "" {
			e.Title = strings.TrimSuffix(e.Source, filepath.Ext(e.Source))
		}
		for _, r := range strings.Split(*expected, ",") {
			if r = strings.TrimSpace(r); r != "" {
				e.Expected = append(e.Expected, r)
			}
		}
		err = env.withWrite(path, func(ss *desk.Session) error {
			e.By = ss.Who(by)
			return ss.SaveExercise(&e)
		})
		if err != nil {
			return err
		}
		env.say("exercise.cli.added", "id", e.ID, "title", e.Title)
		return nil
	case "delete":
		db := fs.String("db", "", "dossier file")
		id := fs.String("id", "", "the exercise's ID (EX0001)")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		if err := env.required("db", *db, "id", *id); err != nil {
			return err
		}
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.DeleteExercise(*id) }); err != nil {
			return err
		}
		env.say("exercise.cli.deleted", "id", *id)
		return nil
	case "export":
		rf := env.reportFlags(fs)
		out := fs.String("out", "", "the bank file to write (.json; default: standard output)")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		_, ss, err := env.openReport(rf)
		if err != nil {
			return err
		}
		defer ss.Close()
		b, err := ss.ExportExercises()
		if err != nil {
			return err
		}
		if *out == "" {
			_, err := env.Stdout.Write(b)
			return err
		}
		all, err := ss.Exercises()
		if err != nil {
			return err
		}
		if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return err
		}
		env.say("exercise.cli.exported", "n", fmt.Sprint(len(all)), "file", *out)
		return nil
	case "import":
		common := env.disputeCommon(fs)
		if err := env.parse(fs, args[1:], true); err != nil {
			return err
		}
		path, day, by, err := common()
		if err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return env.required("FILE", "")
		}
		b, err := os.ReadFile(fs.Arg(0))
		if err != nil {
			return &ledger.Problem{Key: "exercise.err.read", Args: []string{"file", fs.Arg(0)}, Err: err}
		}
		var im *exercise.Imported
		err = env.withWrite(path, func(ss *desk.Session) error {
			var err error
			im, err = ss.ImportExercises(filepath.Base(fs.Arg(0)), b, by, day)
			return err
		})
		if err != nil {
			return err
		}
		for _, d := range im.Duplicates {
			env.say("exercise.cli.duplicate", "title", d)
		}
		env.say("exercise.cli.imported", "n", fmt.Sprint(len(im.Added)), "dup", fmt.Sprint(len(im.Duplicates)))
		return nil
	}
	return &usageError{msg: i18n.T(env.Lang, "exercise.cli.verb", "verbs", verbs)}
}
