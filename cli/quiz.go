package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/quiz"
	"relance/letters"
	"relance/letters/certificate"
	"relance/letters/pdfdoc"
)

// quizFile is what `relance quiz export` writes and `relance quiz score` reads back:
// the questions with an empty answer each, for the trainee to fill in.
type quizFile struct {
	Module    string         `json:"module"`
	Lang      string         `json:"lang"`
	Seed      uint64         `json:"seed"`
	Questions []quizQuestion `json:"questions"`
	// Answers is the other form score reads: a plain list of {id, answer}.
	Answers []quiz.Given `json:"answers,omitempty"`
	Seconds int          `json:"seconds,omitempty"`
}

type quizQuestion struct {
	quiz.Question
	Answer string `json:"answer"`
}

// runQuiz is `relance quiz export|score`.
func runQuiz(env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "score") {
		return &usageError{msg: i18n.T(env.Lang, "quiz.cli.verb")}
	}
	if args[0] == "export" {
		return env.quizExport(args[1:])
	}
	return env.quizScore(args[1:])
}

func (env *Env) quizExport(args []string) error {
	fs := env.flags("quiz export")
	module := fs.String("module", "all", "the course module, or all")
	n := fs.Int("n", 10, "how many questions (0: every question of the module)")
	seed := fs.Uint64("seed", 0, "draw (the same seed draws the same quiz; default: from today's date)")
	lang := fs.String("lang", "", "language of the questions, fr or en (default: the interface's)")
	out := fs.String("out", "", "JSON file to write (default: standard output)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := i18n.Norm(*lang)
	if *lang == "" {
		l = env.Lang
	}
	s := *seed
	if s == 0 {
		s = uint64(env.Today)
	}
	qs, err := desk.DrawQuiz(l, *module, *n, s)
	if err != nil {
		return err
	}
	f := quizFile{Module: *module, Lang: l, Seed: s, Questions: make([]quizQuestion, len(qs))}
	for i := range qs {
		f.Questions[i] = quizQuestion{Question: qs[i]}
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(f)
	}
	if *out == "" {
		return write(env.Stdout)
	}
	if err := letters.WriteFile(*out, write); err != nil {
		return err
	}
	env.say("quiz.cli.exported", "n", strconv.Itoa(len(qs)), "file", *out)
	return nil
}

func (env *Env) quizScore(args []string) error {
	fs := env.flags("quiz score")
	common := env.disputeCommon(fs)
	trainee := fs.String("trainee", "", "the trainee's name or ID")
	answers := fs.String("answers", "", "the answers: the exported quiz filled in, or {\"answers\":[{\"id\",\"answer\"}]}")
	seconds := fs.Int("seconds", 0, "time spent, in seconds (default: the file's)")
	format := fs.String("format", "table", "output format")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("trainee", *trainee, "answers", *answers); err != nil {
		return err
	}
	if err := env.format(*format, "table", "json"); err != nil {
		return err
	}
	f, err := readQuizFile(*answers)
	if err != nil {
		return err
	}
	in := desk.QuizAnswers{Trainee: *trainee, Module: f.Module, Lang: i18n.Norm(f.Lang), Given: f.Answers,
		Seconds: f.Seconds, Date: at, By: by}
	if f.Lang == "" {
		in.Lang = env.Lang
	}
	if *seconds > 0 {
		in.Seconds = *seconds
	}
	for _, q := range f.Questions {
		in.Given = append(in.Given, quiz.Given{ID: q.ID, Answer: q.Answer})
	}
	var res *quiz.Result
	err = env.withWrite(path, func(ss *desk.Session) error {
		var err error
		res, _, err = ss.ScoreQuiz(in)
		return err
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	t := newTable(i18n.T(env.Lang, "quiz.cli.col.question"), i18n.T(env.Lang, "quiz.cli.col.given"),
		i18n.T(env.Lang, "quiz.cli.col.right"), i18n.T(env.Lang, "quiz.cli.col.ok"))
	for _, l := range res.Lines {
		ok := i18n.T(env.Lang, "quiz.cli.wrong")
		if l.OK {
			ok = i18n.T(env.Lang, "quiz.cli.right")
		}
		t.add(l.ID, l.Given, l.Right, ok)
	}
	if err := t.write(env.Stdout); err != nil {
		return err
	}
	env.say("quiz.cli.scored", "score", strconv.Itoa(res.Score), "out_of", strconv.Itoa(res.OutOf),
		"on20", decimalText(env.Lang, res.On20().String()), "trainee", *trainee)
	return nil
}

// readQuizFile reads an answers file, naming it and the problem when it cannot.
func readQuizFile(name string) (*quizFile, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, &ledger.Problem{Key: "quiz.err.file", Args: []string{"file", name}, Err: err}
	}
	var f quizFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, &ledger.Problem{Key: "quiz.err.file", Args: []string{"file", name}, Err: fmt.Errorf("JSON: %w", err)}
	}
	return &f, nil
}

// runCertificate is `relance certificate`: a trainee's certificate-style summary PDF.
func runCertificate(env *Env, args []string) error {
	fs := env.flags("certificate")
	rf := env.reportFlags(fs)
	trainee := fs.String("trainee", "", "the trainee's name or ID")
	lang := fs.String("lang", "", "language of the certificate, fr or en (default: the interface's)")
	out := fs.String("out", "", "PDF file to write")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("trainee", *trainee, "out", *out); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	l := env.Lang
	if *lang != "" {
		l = i18n.Norm(*lang)
	}
	sum, err := ss.Certificate(*trainee, l, asOf)
	if err != nil {
		return err
	}
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang)
	if err := letters.WriteFile(*out, func(w io.Writer) error { return certificate.Render(w, sum, f) }); err != nil {
		return err
	}
	env.say("certificate.written", "trainee", sum.Trainee.Name, "file", *out)
	return nil
}

// decimalText writes a decimal number with the language's mark: 12,5 in French.
func decimalText(lang, s string) string {
	if lang == "fr" {
		return strings.ReplaceAll(s, ".", ",")
	}
	return s
}
