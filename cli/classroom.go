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
	"relance/ledger/classroom"
	"relance/letters"
	"relance/letters/check"
	"relance/letters/exercise"
	"relance/letters/progress"
)

// runTrainee is `relance trainee add|import|list|remove`: the course's trainees
// (desk.Session.SaveTrainee, AddTrainees, Trainees, DeleteTrainee — the Correction
// screen's « Stagiaires » list does the same).
func runTrainee(env *Env, args []string) error {
	verbs := "add, import, list, remove"
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "exercise.cli.verb", "verbs", verbs)}
	}
	switch args[0] {
	case "add":
		fs := env.flags("trainee add")
		db := fs.String("db", "", "dossier file")
		at := fs.String("at", "", "date the trainee joins YYYY-MM-DD (default today)")
		name := fs.String("name", "", "the trainee's name")
		group := fs.String("group", "", "the group or session (e.g. \"Lyon – décembre 2026\")")
		note := fs.String("note", "", "a note")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		if err := env.required("db", *db, "name", *name); err != nil {
			return err
		}
		day, err := env.date("at", *at, env.Today)
		if err != nil {
			return err
		}
		r := classroom.Trainee{Name: strings.TrimSpace(*name), Group: strings.TrimSpace(*group), Note: *note, Added: day}
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.SaveTrainee(&r) }); err != nil {
			return err
		}
		env.say("exercise.cli.trainee_added", "id", r.ID, "name", r.Name)
		return nil
	case "import":
		return runTraineeImport(env, args[1:])
	case "list":
		fs := env.flags("trainee list")
		rf := env.reportFlags(fs, "table", "json")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		_, ss, err := env.openReport(rf)
		if err != nil {
			return err
		}
		defer ss.Close()
		ts, err := ss.Trainees()
		if err != nil {
			return err
		}
		if rf.Format() == "json" {
			return writeJSON(env, ts)
		}
		if len(ts) == 0 {
			env.say("exercise.cli.none")
			return nil
		}
		l := env.Lang
		tab := newTable("ID", i18n.T(l, "exercise.progress.col.trainee"), i18n.T(l, "exercise.progress.col.group"), i18n.T(l, "exercise.progress.col.date"))
		for _, t := range ts {
			tab.add(t.ID, t.Name, t.Group, dateText(l, t.Added))
		}
		return tab.write(env.Stdout)
	case "remove":
		fs := env.flags("trainee remove")
		db := fs.String("db", "", "dossier file")
		who := fs.String("trainee", "", "the trainee's ID or name")
		if err := env.parse(fs, args[1:], false); err != nil {
			return err
		}
		if err := env.required("db", *db, "trainee", *who); err != nil {
			return err
		}
		var name string
		var n int
		err := env.withWrite(*db, func(ss *desk.Session) error {
			t, err := ss.TraineeByName(*who)
			if err != nil {
				return err
			}
			name = t.Name
			n, err = ss.DeleteTrainee(t.ID)
			return err
		})
		if err != nil {
			return err
		}
		env.say("exercise.cli.trainee_removed", "name", name, "n", fmt.Sprint(n))
		return nil
	}
	return &usageError{msg: i18n.T(env.Lang, "exercise.cli.verb", "verbs", verbs)}
}

// runTraineeImport is `relance trainee import`: a session's attendance list — a .txt
// with one name per line or a .csv from Excel (classroom.ParseRoster) — added at once
// (desk.Session.AddTrainees, as the « Ajouter un groupe… » form), the trainees already
// in their group left out and named.
func runTraineeImport(env *Env, args []string) error {
	fs := env.flags("trainee import")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date the trainees join YYYY-MM-DD (default today)")
	group := fs.String("group", "", "the group or session (e.g. \"Lyon – décembre 2026\")")
	files, err := env.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	if len(files) != 1 {
		return env.required("FILE", "")
	}
	day, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	name := filepath.Base(files[0])
	f, err := os.Open(files[0])
	if err != nil {
		return &ledger.Problem{Key: "classroom.err.roster_read", Args: []string{"file", name}, Err: err}
	}
	list, err := classroom.ParseRoster(name, f, *group)
	f.Close()
	if err != nil {
		return err
	}
	var added []classroom.Trainee
	var skipped []string
	err = env.withWrite(*db, func(ss *desk.Session) error {
		var err error
		added, skipped, err = ss.AddTrainees(list, day)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, classroom.RosterSummary(env.Lang, list, added, skipped))
	return nil
}

// readLetterFile reads a letter file (.txt, .docx, .odt) through exercise.ReadText.
func readLetterFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", &ledger.Problem{Key: "exercise.err.read", Args: []string{"file", path}, Err: err}
	}
	return exercise.ReadText(path, b)
}

// runTrain is `relance train`: scores a trainee's correction of a letter exercise (a
// bank exercise or a built-in letter) — their marks, or their corrected letter — and
// keeps the attempt (desk.Session.ScoreLetter, as the Correction screen's « Révéler »).
func runTrain(env *Env, args []string) error {
	fs := env.flags("train")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the exercise YYYY-MM-DD (default today)")
	by := fs.String("by", "", "the trainer (default: the dossier's signatory)")
	who := fs.String("trainee", "", "the trainee's ID or name")
	ex := fs.String("exercise", "", "a bank exercise ID (EX0001) or a built-in letter's name (fr_r1_b2b)")
	file := fs.String("file", "", "the trainee's corrected letter (.txt, .docx, .odt)")
	marks := fs.String("marks", "", "the trainee's marks: START-END rune spans of the letter and rule IDs of missing items, comma-separated")
	seconds := fs.Int("seconds", 0, "time spent, in seconds")
	format := fs.String("format", "text", "text|json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db, "trainee", *who, "exercise", *ex); err != nil {
		return err
	}
	if *file == "" && *marks == "" {
		return env.required("file", "")
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	day, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	corrected := ""
	if *file != "" {
		if corrected, err = readLetterFile(*file); err != nil {
			return err
		}
	}
	var att *classroom.Attempt
	var sc *check.TrainingScore
	var name string
	err = env.withWrite(*db, func(ss *desk.Session) error {
		e, err := ss.LetterExercise(*ex, env.Lang)
		if err != nil {
			return err
		}
		t, err := ss.TraineeByName(*who)
		if err != nil {
			return err
		}
		name = t.Name
		try := desk.LetterTry{Trainee: t.ID, Exercise: e, Corrected: corrected, Seconds: *seconds, Date: day, By: *by}
		if *marks != "" {
			ms, bad := exercise.ParseMarks(*marks, len([]rune(e.Text)))
			if bad != "" {
				return &ledger.Problem{Key: "exercise.err.marks", Args: []string{"value", bad}}
			}
			try.Marks = ms
		}
		att, sc, err = ss.ScoreLetter(try)
		return err
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, att)
	}
	env.say("exercise.cli.scored", "name", name, "title", att.Title, "score", progress.On20(env.Lang, att.On20()),
		"found", fmt.Sprint(sc.Found), "expected", fmt.Sprint(sc.Expected), "false", fmt.Sprint(sc.FalseMarks))
	return nil
}

// runProgress is `relance progress`: every attempt of every kind per trainee with the
// score on 20, the time and the averages per trainee and group (desk.Session.Progress,
// as the « Stagiaires » view) as a table, JSON, a CSV for Excel or a PDF.
func runProgress(env *Env, args []string) error {
	fs := env.flags("progress")
	rf := env.reportFlags(fs, "table", "json", "csv", "pdf")
	who := fs.String("trainee", "", "one trainee (ID or name)")
	group := fs.String("group", "", "one group")
	out := fs.String("out", "", "file to write (csv, pdf; default: standard output for csv)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if rf.Format() == "pdf" && *out == "" {
		return env.required("out", "")
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	p, err := ss.Progress(*who, *group)
	if err != nil {
		return err
	}
	l := env.Lang
	switch rf.Format() {
	case "json":
		// the summary: each attempt without its kind's own detail (relance train
		// --format json and the kinds' commands print it)
		for i := range p.Trainees {
			for k := range p.Trainees[i].Attempts {
				p.Trainees[i].Attempts[k].Detail = nil
			}
		}
		return writeJSON(env, p)
	case "csv":
		if *out == "" {
			return progress.WriteCSV(env.Stdout, l, p)
		}
		return letters.WriteFile(*out, func(w io.Writer) error { return progress.WriteCSV(w, l, p) })
	case "pdf":
		return letters.WriteFile(*out, func(w io.Writer) error {
			return progress.Render(w, ss.Book.Settings, p, progress.Options{Lang: l, AsOf: asOf})
		})
	}
	t := func(k string) string { return i18n.T(l, "exercise.progress.col."+k) }
	tab := newTable(t("trainee"), t("group"), t("date"), t("kind"), t("exercise"), t("on20"), t("time")).alignRight(5, 6)
	for _, tp := range p.Trainees {
		for i := range tp.Attempts {
			a := &tp.Attempts[i]
			title := a.Title
			if title == "" {
				title = a.Exercise
			}
			tab.add(tp.Trainee.Name, tp.Trainee.Group, dateText(l, a.Date), progress.KindLabel(l, a.Kind), title, progress.On20(l, a.On20()), progress.Duration(l, a.Seconds))
		}
		if len(tp.Attempts) > 0 {
			tab.add(tp.Trainee.Name, tp.Trainee.Group, "", "", i18n.T(l, "exercise.progress.average"), progress.On20(l, tp.Average), progress.Duration(l, tp.Seconds))
		}
	}
	return tab.write(env.Stdout)
}
