package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/roleplay"
	"relance/letters/pdfdoc"
)

// runRolePlay is `relance roleplay`: the phone role-play cards of a customer as PDF
// (desk.Session.RolePlayCards), or `relance roleplay score`: an observation grid
// scored and kept with the trainee (desk.Session.ScoreRolePlay).
func runRolePlay(env *Env, args []string) error {
	if len(args) > 0 && args[0] == "score" {
		return env.rolePlayScore(args[1:])
	}
	fs := env.flags("roleplay")
	rf := env.reportFlags(fs)
	cust := fs.String("customer", "", "customer ID")
	profile := fs.String("profile", "", "customer profile to play: talkative|aggressive|manipulative|sincere|disputes (default: the one the ledger suggests)")
	out := fs.String("out", "", "PDF file to write (both cards)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *cust, "out", *out); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	c, err := ss.RolePlayCards(*cust, asOf, roleplay.Profile(*profile))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	if err := ss.RolePlayCardsPDF(&buf, c, env.Lang, f); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "roleplay.cli.cards_done", "file", *out,
		"profile", i18n.T(env.Lang, "roleplay.profile."+string(c.Profile))))
	return nil
}

// rolePlayScoreOut is the JSON output of `relance roleplay score` (docs/json.md).
type rolePlayScoreOut struct {
	Attempt string         `json:"attempt"`
	Trainee string         `json:"trainee"`
	Score   roleplay.Score `json:"score"`
	On20    string         `json:"on_20"`
	Grid    roleplay.Grid  `json:"grid"`
}

// rolePlayScore reads a grid file, scores it and keeps it with the trainee.
func (env *Env) rolePlayScore(args []string) error {
	fs := env.flags("roleplay score")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the role-play YYYY-MM-DD (default today)")
	by := fs.String("by", "", "the trainer who observed")
	trainee := fs.String("trainee", "", "the trainee's name or ID")
	cust := fs.String("customer", "", "customer ID (overrides the grid's)")
	profile := fs.String("profile", "", "profile played (overrides the grid's)")
	grid := fs.String("grid", "", "observation grid, JSON (docs/json.md)")
	pdf := fs.String("pdf", "", "also write the filled grid as PDF")
	format := fs.String("format", "text", "output format: text or json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "trainee", *trainee, "grid", *grid); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(*grid)
	if err != nil {
		return &ledger.Problem{Key: "roleplay.err.grid_file", Args: []string{"file", *grid, "value", err.Error()}, Err: err}
	}
	var g roleplay.Grid
	if err := json.Unmarshal(raw, &g); err != nil {
		return &ledger.Problem{Key: "roleplay.err.grid_file", Args: []string{"file", *grid, "value", err.Error()}, Err: err}
	}
	if *cust != "" {
		g.Customer = *cust
	}
	if *profile != "" {
		g.Profile = roleplay.Profile(*profile)
	}
	var out rolePlayScoreOut
	var doc bytes.Buffer
	err = env.withWrite(*path, func(ss *desk.Session) error {
		at, sc, err := ss.ScoreRolePlay(*trainee, g, asOf, *by)
		if err != nil {
			return err
		}
		out = rolePlayScoreOut{Attempt: at.ID, Trainee: at.Trainee, Score: sc, On20: at.On20().String(), Grid: g}
		if *pdf != "" {
			f := pdfdoc.NewFactory()
			defer f.Warn(env.Stderr, env.Lang)
			return ss.RolePlayGridPDF(&doc, *trainee, g, asOf, env.Lang, f)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *pdf != "" {
		if err := os.WriteFile(*pdf, doc.Bytes(), 0o600); err != nil {
			return fmt.Errorf("write %s: %w", *pdf, err)
		}
	}
	if *format == "json" {
		return writeJSON(env, out)
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "roleplay.cli.scored", "trainee", *trainee, "points", out.Score.Points.String(),
		"outof", fmt.Sprint(out.Score.OutOf), "on20", frenchDecimal(env.Lang, out.On20), "id", out.Attempt))
	if *pdf != "" {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "roleplay.cli.grid_done", "file", *pdf))
	}
	return nil
}

// frenchDecimal writes a decimal with a comma in French.
func frenchDecimal(lang, s string) string {
	if lang == "fr" {
		return string(bytes.Replace([]byte(s), []byte("."), []byte(","), 1))
	}
	return s
}
