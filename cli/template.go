package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters/templates"
)

// maxTemplateBytes bounds a template file: the longest shipped one is about 3 KB.
const maxTemplateBytes = 64 << 10

// runTemplate exports, imports or restores one letter template of a dossier: the same
// editing as the Courriers screen, through a text file (the format of assets/templates).
func runTemplate(env *Env, args []string) error {
	fs := env.flags("template")
	dbPath := fs.String("db", "", "dossier")
	stageFlag := fs.String("stage", "", "pre|r1|r2|r3|med|conf|plan|dispute|block|statement")
	lang := fs.String("lang", "fr", "fr|en")
	export := fs.String("export", "", "write the template in force to FILE")
	imp := fs.String("import", "", "replace the template by FILE (checked first; nothing written if it is wrong)")
	restore := fs.Bool("restore", false, "put back the shipped template")
	by := fs.String("by", "", "who edits (default: the dossier's signatory)")
	at := fs.String("at", "", "date of the edit YYYY-MM-DD (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath, "stage", *stageFlag); err != nil {
		return err
	}
	stage, err := templates.ParseStage(*stageFlag)
	if err != nil {
		return &usageError{msg: ledger.Localize(err, env.Lang)}
	}
	if *lang != "fr" && *lang != "en" {
		return &usageError{msg: i18n.T(env.Lang, "letters.err.lang", "value", *lang)}
	}
	n := 0
	for _, set := range []bool{*export != "", *imp != "", *restore} {
		if set {
			n++
		}
	}
	if n != 1 {
		return &usageError{msg: i18n.T(env.Lang, "letters.cli.template_one")}
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	switch {
	case *export != "":
		ss, err := desk.OpenRead(*dbPath)
		if err != nil {
			return err
		}
		defer ss.Close()
		tpl, err := ss.Template(stage, *lang)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*export, []byte(tpl.Format()), 0o600); err != nil {
			return fmt.Errorf("template: %w", err)
		}
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.template_exported", "template", tpl.Key(), "file", *export))
	case *restore:
		if err := env.withWrite(*dbPath, func(ss *desk.Session) error { return ss.RestoreTemplate(stage, *lang) }); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.template_restored", "template", templates.Key(stage, *lang)))
	default:
		tpl, err := readTemplateFile(*imp, stage, *lang)
		if err != nil {
			return err
		}
		err = env.withWrite(*dbPath, func(ss *desk.Session) error { return ss.SaveTemplate(tpl, *by, date) })
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.template_imported", "template", tpl.Key(), "file", *imp))
	}
	return nil
}

// readTemplateFile reads and checks a template file for stage and lang; every error
// names the file (and the line or the unknown mark the template problem gives).
func readTemplateFile(path string, stage templates.Stage, lang string) (*templates.Template, error) {
	bad := func(err error) error {
		return &ledger.Problem{Key: "letters.cli.template_file", Args: []string{"file", path}, Err: err}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, bad(err)
	}
	if st.Size() > maxTemplateBytes {
		return nil, &ledger.Problem{Key: "letters.cli.template_big", Args: []string{"file", path,
			"size", strconv.FormatInt(st.Size()>>10, 10), "max", strconv.Itoa(maxTemplateBytes >> 10)}}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, bad(err)
	}
	if !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
		return nil, &ledger.Problem{Key: "letters.cli.template_notext", Args: []string{"file", path}}
	}
	tpl, err := templates.Parse(strings.TrimPrefix(string(b), "\ufeff"))
	if err != nil {
		return nil, bad(err)
	}
	if tpl.Stage == "" {
		tpl.Stage = stage
	}
	if tpl.Lang == "" {
		tpl.Lang = lang
	}
	if tpl.Stage != stage || tpl.Lang != lang {
		return nil, &ledger.Problem{Key: "letters.cli.template_mismatch", Args: []string{"file", path,
			"found", templates.Key(tpl.Stage, tpl.Lang), "want", templates.Key(stage, lang)}}
	}
	if err := tpl.Validate(); err != nil {
		return nil, bad(err)
	}
	return tpl, nil
}
